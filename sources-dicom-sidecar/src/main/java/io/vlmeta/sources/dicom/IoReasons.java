package io.vlmeta.sources.dicom;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a file or folder could not be read, in words a user can act on. The JDK's exceptions often
 * carry only the path as their message, which says where but not why.
 */
final class IoReasons {

    private IoReasons() {
    }

    /**
     * @param path    the file or folder that was being read
     * @param failure what reading it threw
     * @return e.g. {@code permission denied}, {@code it is a directory}, {@code it does not exist ...}
     */
    static String why(Path path, IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isSymbolicLink(path) && !Files.exists(path)) {
            return "it is a symbolic link to " + linkTarget(path) + ", which does not exist";
        }
        if (failure instanceof NoSuchFileException || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "it does not exist (it was removed or renamed after the folder was listed)";
        }
        if (Files.isDirectory(path)) {
            return "it is a directory";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /** The path a failure names, when it names one (a folder deep in a walk), otherwise {@code fallback}. */
    static Path pathOf(IOException failure, Path fallback) {
        if (failure instanceof FileSystemException fileSystem && fileSystem.getFile() != null) {
            return Path.of(fileSystem.getFile());
        }
        return fallback;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "a path";
        }
    }
}
