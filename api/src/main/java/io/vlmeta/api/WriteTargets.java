package io.vlmeta.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a file vlmeta writes by replacing it (a draft written beside it, then moved into its place) may be
 * replaced. The move replaces whatever the path names, so a path that names standard output, a device, a pipe
 * or a socket would lose it to a regular file, and a path into the system's folders would make or replace a
 * file where the system keeps its devices and standard streams ({@code /dev/stdout} is a link into
 * {@code /proc}). The path is judged as the move would see it: its folder's links followed, and the links of
 * its last part followed too. A path the writer could not reach (a file where a folder of its path should be) or
 * may not write is refused too, so every file vlmeta writes is refused alike, by one rule and in one wording.
 * Checked before any work is done, so a refusal never comes after a request.
 *
 * @param systemFolders folders no file of vlmeta's belongs in, as real paths ({@code /dev}, {@code /proc},
 *                      {@code /sys}); never null
 * @param openFolders   folders inside them that hold ordinary files ({@code /dev/shm}); never null
 */
public record WriteTargets(List<Path> systemFolders, List<Path> openFolders) {
    /** The rule for this machine's own system folders. */
    public static final WriteTargets SYSTEM = new WriteTargets(
            List.of(Path.of("/dev"), Path.of("/proc"), Path.of("/sys")), List.of(Path.of("/dev/shm")));

    /** As many links as Linux follows (SYMLOOP_MAX) before it gives up: a loop ends here too. */
    private static final int MAX_LINKS = 40;

    public WriteTargets {
        systemFolders = List.copyOf(systemFolders);
        openFolders = List.copyOf(openFolders);
    }

    /**
     * @param target the path as the user gave it; never null
     * @return why the file cannot be replaced, a clause said of the path, e.g. {@code "is a pipe"},
     *     {@code "is a folder"}, {@code "is empty"}, {@code "is a link to /dev/pts/0, a character device"},
     *     {@code "has /data/notes.txt in its path, which is a file, not a folder"},
     *     {@code "cannot be written (no permission)"},
     *     {@code "leads into /dev, where the system keeps its devices and standard streams"},
     *     {@code "is '-', which names a file called '-' here, not standard output"}; empty when it can be
     */
    public Optional<String> whyNotReplaceable(Path target) {
        String given = target.toString();
        if (given.isBlank()) {
            return Optional.of("is empty");
        }
        if (given.equals("-")) {
            return Optional.of("is '-', which names a file called '-' here, not standard output");
        }
        Path named = target.toAbsolutePath().normalize();
        List<Path> hops = followed(target.toAbsolutePath());
        Path place = hops.get(hops.size() - 1);
        String lead = place.equals(named) ? "is " : "is a link to " + place + ", ";
        if (Files.isDirectory(place)) {
            return Optional.of(lead + "a folder");
        }
        if (Files.exists(place) && !Files.isRegularFile(place)) {
            return Optional.of(lead + FileFaults.specialKind(place));
        }
        Path blocking = fileInPath(named.getParent());
        if (blocking != null) {
            // the writer would fail to make its folders after the work is done: refused now, as a folder is
            return Optional.of("has " + blocking + " in its path, which is a file, not a folder");
        }
        // every place on the way counts: a move onto /dev/stdout replaces that link, wherever it leads
        for (Path hop : hops) {
            Optional<Path> system = systemFolders.stream().filter(hop::startsWith)
                    .filter(folder -> openFolders.stream().noneMatch(hop::startsWith)).findFirst();
            if (system.isPresent()) {
                return Optional.of((hop.equals(named) ? "leads into " : "leads to " + hop + ", into ")
                        + system.get() + ", where the system keeps its devices and standard streams");
            }
        }
        return whyNoPermission(place);
    }

    /**
     * @return why this user may not write the file or make it in its folder (the nearest existing one, as the
     *     writers make missing folders); empty when permissions allow it, as they always do the superuser
     */
    private static Optional<String> whyNoPermission(Path place) {
        if (Files.exists(place)) {
            return Files.isWritable(place) ? Optional.empty() : Optional.of("cannot be written (no permission)");
        }
        Path folder = place.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        return folder == null || Files.isWritable(folder) ? Optional.empty()
                : Optional.of("cannot be created: this user may not write in the folder " + folder);
    }

    /** @return the nearest of {@code folder} and the folders above it that exists and is no folder; null if none */
    private static Path fileInPath(Path folder) {
        for (Path at = folder; at != null; at = at.getParent()) {
            if (Files.exists(at)) {
                return Files.isDirectory(at) ? null : at;
            }
        }
        return null;
    }

    /**
     * @param target  the path as the user gave it; never null
     * @param refused how the refusal starts, naming the file's role and option, e.g.
     *                {@code "Cannot write the plan to -o"}; the path, quoted, follows it
     * @param instead what to give instead, e.g. {@code "name a file, e.g. -o plan.yaml"}
     * @throws VlmetaException (usage) naming the path, why it cannot be replaced and what to give instead
     */
    public void check(Path target, String refused, String instead) {
        whyNotReplaceable(target).ifPresent(why -> {
            throw VlmetaException.usage(refused + " '" + target + "': it " + why + "; " + instead + ".");
        });
    }

    /**
     * @return each place {@code path} leads through, the last the one a write lands on: its folder's real path (the
     *     nearest existing folder's, for a folder still to be made) with its name, then the same for each link
     *     of the last part followed; never empty
     */
    private static List<Path> followed(Path path) {
        List<Path> hops = new ArrayList<>();
        Path place = path;
        while (hops.size() <= MAX_LINKS) {
            Path name = place.getFileName();
            if (name == null) {
                break; // the root folder
            }
            place = realFolder(place.getParent()).resolve(name).normalize();
            hops.add(place);
            if (!Files.isSymbolicLink(place)) {
                break;
            }
            try {
                place = place.resolveSibling(Files.readSymbolicLink(place));
            } catch (IOException | SecurityException | InvalidPathException e) {
                break; // an unreadable link is refused, if at all, when the file is moved onto it
            }
        }
        if (hops.isEmpty()) {
            hops.add(place);
        }
        return hops;
    }

    /** @return the folder's real path, or the nearest existing folder's with the parts still to be made */
    private static Path realFolder(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return folder.normalize();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(folder)).normalize();
        } catch (IOException | SecurityException e) {
            return folder.normalize();
        }
    }
}
