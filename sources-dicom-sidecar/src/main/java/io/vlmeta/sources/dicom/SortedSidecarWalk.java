package io.vlmeta.sources.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The sidecar files under a folder, depth first in name order, so every pass sees them in the same
 * order. Holds one sorted listing per folder on the current path, never the whole tree. Hidden entries
 * (a leading dot, such as macOS {@code ._x.json} files) are left out; symbolic links to folders are not
 * followed, but one whose name matches is returned, like a link to a missing file, so that reading it
 * can say why it cannot be read.
 */
final class SortedSidecarWalk {
    private final Path root;
    private final PathMatcher matcher;
    private final boolean matchRelativePath;
    private final Deque<Iterator<Path>> stack = new ArrayDeque<>();

    /**
     * @param root the folder
     * @param glob matched against the file name, or against the path relative to the folder when it holds a {@code /}
     */
    SortedSidecarWalk(Path root, String glob) {
        this.root = root;
        this.matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        this.matchRelativePath = glob.contains("/");
        stack.push(sortedChildren(root));
    }

    /** @return the next sidecar, or {@code null} when there is none */
    Path next() {
        while (!stack.isEmpty()) {
            Iterator<Path> level = stack.peek();
            if (!level.hasNext()) {
                stack.pop();
                continue;
            }
            Path path = level.next();
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                stack.push(sortedChildren(path));
            } else if (matches(path) && (Files.isRegularFile(path) || Files.isSymbolicLink(path))) {
                // a link that leads nowhere, or to a folder, is returned so that reading it says so
                return path;
            }
        }
        return null;
    }

    Path relativize(Path sidecar) {
        return root.relativize(sidecar);
    }

    private boolean matches(Path path) {
        return matcher.matches(matchRelativePath ? root.relativize(path) : path.getFileName());
    }

    private static Iterator<Path> sortedChildren(Path folder) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().startsWith(".")) {
                    children.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return children.iterator();
    }
}
