package io.vlmeta.api;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Why a file the user named could not be read or written, in words a message can end with, for every module
 * alike. Never the exception's class name or its own text: that is a Java name ({@code AccessDeniedException}),
 * the path again without a reason, or a decoder's words ("Input length = 1"); and for a secret file nothing
 * read from it may reach a message. Exceptions are told apart by their type, by what the file system holds at
 * the path, and by the system's reason ({@link FileSystemException#getReason}), which is matched, never shown.
 */
public final class FileFaults {
    private FileFaults() {
    }

    /**
     * @param file    the file that was read, never null
     * @param failure what reading it threw, never null
     * @return a clause said of the file, e.g. {@code "does not exist"}, {@code "is a folder"},
     *     {@code "is not UTF-8 text"}, {@code "cannot be read (no permission)"},
     *     {@code "is a symbolic link to /data/gone.csv, which does not exist"},
     *     {@code "is a symbolic link to loopB in a loop of symbolic links, which leads to no file (loopA -> loopB ->
     *     loopA)"}; names in it shown as {@link #shown} shows them; never null
     */
    public static String whyUnreadable(Path file, IOException failure) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            // "does not exist" would send the user looking for the link, which is there
            return whyLinkLeadsNowhere(file);
        }
        String reason = systemReason(failure);
        if (reason.contains("too many levels of symbolic links")) {
            // ELOOP from a folder on the way: the file is no link, one of the folders above it is
            return "cannot be reached: a folder in its path is a loop of symbolic links";
        }
        if (failure instanceof NoSuchFileException || reason.contains("no such file or directory")) {
            return "does not exist";
        }
        if (Files.isDirectory(file)) {
            return "is a folder";
        }
        if (denied(failure, reason)) {
            return "cannot be read (no permission)";
        }
        if (failure instanceof CharacterCodingException) {
            return "is not UTF-8 text";
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            // a path through a file (export.csv/x) names nothing, though the system says "Not a directory"
            return "does not exist";
        }
        return "cannot be read (an input/output error of the system)";
    }

    /**
     * Why a path cannot be read whole as a file, found before it is opened: a pipe read as a file would wait for a
     * writer that may never come, and could be read only once.
     *
     * @param file the path as the user gave it, never null
     * @return a clause said of the file, as {@link #whyUnreadable} words it ({@code "does not exist"},
     *     {@code "is a folder"}, {@code "is a symbolic link to gone.yaml, which does not exist"},
     *     {@code "cannot be read (no permission)"}), or {@code "is not a regular file (a pipe, a device or a
     *     socket)"}; empty when it is a regular file this user may read
     */
    public static Optional<String> whyNotAReadableFile(Path file) {
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            return Optional.of(whyLinkLeadsNowhere(file));
        }
        if (!Files.exists(file)) {
            return Optional.of("does not exist");
        }
        if (Files.isDirectory(file)) {
            return Optional.of("is a folder");
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("is not a regular file (a pipe, a device or a socket)");
        }
        return Files.isReadable(file) ? Optional.empty() : Optional.of("cannot be read (no permission)");
    }

    /**
     * The refusal of an input file a source could not open or read, as every source words it.
     *
     * @param file    the file that was read, never null
     * @param name    how the message names it (the path as given, or a part file's name), never null
     * @param failure what reading it threw, never null; kept as the cause, its text never shown
     * @return an {@link ErrorCode#INPUT_UNREADABLE} exception, e.g. "data.csv cannot be read (no permission).";
     *     never null
     */
    public static VlmetaException unreadableInput(Path file, String name, IOException failure) {
        return new VlmetaException(ErrorCode.INPUT_UNREADABLE, shown(name) + " " + whyUnreadable(file, failure)
                + ".", failure);
    }

    /**
     * The refusal of an input file whose bytes cannot be read as what they hold: cut short, or damaged where the
     * format's own checks catch it (a gzip stream, a Parquet footer or page, a workbook's zipped XML). It is a
     * failure reading the input, as a file that cannot be opened is, so it ends the run as one does (exit code 1);
     * validation failed (exit code 3) is for values that were read and refused.
     *
     * @param message the whole refusal, naming the file, what is damaged and what to do, never null
     * @param failure what reading threw, never null; kept as the cause, its text never shown
     * @return an {@link ErrorCode#INPUT_UNREADABLE} exception; never null
     */
    public static VlmetaException damagedInput(String message, Throwable failure) {
        return new VlmetaException(ErrorCode.INPUT_UNREADABLE, message, failure);
    }

    /**
     * The refusal of an input whose first bytes, size or parts show it is not the format it is read as (a CSV named
     * {@code .gz}, an old {@code .xls} read as {@code .xlsx}, a gzip file read as CSV text), found without an
     * exception to keep. Like {@link #damagedInput(String, Throwable)} it is a failure reading the input (exit code
     * 1): no value of it was read, so none failed validation.
     *
     * @param message the whole refusal, naming the file, what it is and what to do, never null
     * @return an {@link ErrorCode#INPUT_UNREADABLE} exception; never null
     */
    public static VlmetaException damagedInput(String message) {
        return new VlmetaException(ErrorCode.INPUT_UNREADABLE, message);
    }

    /**
     * The refusal of an input folder that could not be listed, as every source words it.
     *
     * @param folder  the folder that was listed, never null
     * @param name    how the message names it (the path as given, or a folder deep inside it), never null
     * @param failure what listing it threw, never null; kept as the cause, its text never shown
     * @return an {@link ErrorCode#INPUT_UNREADABLE} exception, e.g. "Folder /data/locked cannot be listed (no
     *     permission)."; never null
     */
    public static VlmetaException unlistableInput(Path folder, String name, IOException failure) {
        return new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Folder " + shown(name) + " "
                + whyNotListed(folder, failure) + ".", failure);
    }

    /**
     * A file name as a one-line message shows it. A name may hold a line break, a tab or another control
     * character (any byte but '/' and NUL may be in one); printed raw it would split the message, or drive the
     * terminal. Each is written as a visible escape: {@code \n}, {@code \r}, {@code \t}, else {@code \}{@code uXXXX}
     * (C0, DEL and C1 controls, as the console escapes them); a backslash already in the name is left as it is.
     *
     * @param name a file's name or path as given, never null
     * @return the name with its control characters escaped; the same string when it holds none
     */
    public static String shown(String name) {
        StringBuilder text = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean control = c < 0x20 || c >= 0x7F && c <= 0x9F;
            if (control && text == null) {
                text = new StringBuilder(name.length() + 8).append(name, 0, i);
            }
            if (text != null) {
                text.append(control ? escape(c) : String.valueOf(c));
            }
        }
        return text == null ? name : text.toString();
    }

    private static String escape(char control) {
        return switch (control) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> String.format(Locale.ROOT, "\\u%04X", (int) control);
        };
    }

    /**
     * @param folder  the folder whose entries were being listed, never null
     * @param failure what listing it threw, never null
     * @return a clause said of the folder, e.g. {@code "does not exist"}, {@code "is a file, not a folder"},
     *     {@code "cannot be listed (no permission)"}; never null
     */
    public static String whyNotListed(Path folder, IOException failure) {
        String reason = systemReason(failure);
        if (denied(failure, reason)) {
            return "cannot be listed (no permission)";
        }
        if (failure instanceof NoSuchFileException || !Files.exists(folder)) {
            return "does not exist";
        }
        if (!Files.isDirectory(folder)) {
            return "is a file, not a folder";
        }
        return "cannot be listed (an input/output error of the system)";
    }

    /**
     * @param file    the file that was being created, written or moved into place, never null; a temporary file
     *     beside it may be what actually failed, so the reason is found from this file and its folders
     * @param failure what writing threw, never null
     * @return a clause to follow "Cannot write ... to FILE: ", naming the folder or file at fault, e.g.
     *     {@code "it is a folder"}, {@code "its folder /out does not exist"}, {@code "permission denied (...)"},
     *     {@code "the disk is full"}; never null
     */
    public static String whyUnwritable(Path file, IOException failure) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        String reason = systemReason(failure);
        Path blocking = fileInPath(folder);
        if (blocking != null) {
            return blocking + " in its path is a file, not a folder";
        }
        if (Files.isDirectory(target)) {
            return "it is a folder";
        }
        if (folder != null && !Files.exists(folder)) {
            return "its folder " + folder + " does not exist";
        }
        if (denied(failure, reason)) {
            return "permission denied (the folder " + folder + " or the file cannot be written)";
        }
        if (reason.contains("read-only file system")) {
            return "the folder " + folder + " is on a read-only file system";
        }
        if (reason.contains("no space left") || reason.contains("disk quota exceeded")
                || reason.contains("not enough space")) {
            return "the disk is full";
        }
        if (failure instanceof NoSuchFileException) {
            // the folder is there, yet a file cannot be made in it: a system folder such as /proc
            return "the folder " + folder + " does not let files be created in it";
        }
        return "the system could not write it (an input/output error)";
    }

    /**
     * @param folder  the folder that was being created, with any missing folders above it, never null
     * @param failure what creating it threw, never null
     * @return a clause to follow "Cannot create the folder FOLDER: ", e.g. {@code "it is a file, not a folder"},
     *     {@code "/out in its path is a file, not a folder"}, or as {@link #whyUnwritable} says; never null
     */
    public static String whyFolderNotMade(Path folder, IOException failure) {
        Path absolute = folder.toAbsolutePath();
        Path blocking = fileInPath(absolute);
        if (absolute.equals(blocking)) {
            return "it is " + (Files.isRegularFile(absolute) ? "a file" : specialKind(absolute)) + ", not a folder";
        }
        return whyUnwritable(absolute, failure);
    }

    /** File type bits of {@code unix:mode} (stat's st_mode). */
    private static final int TYPE_MASK = 0170000;
    private static final int FIFO = 0010000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;
    private static final int SOCKET = 0140000;

    /**
     * What a path that is neither a regular file nor a folder is, so a refusal names it instead of calling a device
     * a pipe or a pipe a file.
     *
     * @param path an existing path, never null; its links followed
     * @return {@code "a pipe"}, {@code "a character device"}, {@code "a block device"}, {@code "a socket"}, or
     *     {@code "not a regular file (a device, a pipe or a socket)"} when the system cannot say; never null
     */
    public static String specialKind(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return "not a regular file (a device, a pipe or a socket)";
        }
        return switch (mode & TYPE_MASK) {
            case FIFO -> "a pipe";
            case CHARACTER_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case SOCKET -> "a socket";
            default -> "not a regular file";
        };
    }

    /** @return whether the system refused the user: a permission, or an operation the file system forbids */
    private static boolean denied(IOException failure, String reason) {
        return failure instanceof AccessDeniedException || reason.contains("permission denied")
                || reason.contains("operation not permitted");
    }

    /**
     * @return the system's reason in lower case, for matching only; "" when there is none. A
     *     {@link FileNotFoundException} (a {@code FileInputStream}'s) gives it after the path: {@code "/a (Permission
     *     denied)"}; the path is left out so no word of it is matched
     */
    private static String systemReason(IOException failure) {
        String reason = failure instanceof FileSystemException fileSystem ? fileSystem.getReason()
                : failure.getMessage();
        if (failure instanceof FileNotFoundException && reason != null) {
            int open = reason.lastIndexOf(" (");
            reason = open >= 0 && reason.endsWith(")") ? reason.substring(open + 2, reason.length() - 1) : "";
        }
        return reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    }

    /**
     * Longer chains of symbolic links than this are no chain a user made; the system gives up sooner (Linux
     * follows 40).
     */
    private static final int MOST_LINKS_FOLLOWED = 40;

    /**
     * @param link a symbolic link that leads to no file
     * @return why: it points to nothing, to a link that points to nothing ("which does not exist" would be
     *     false of that link), or round a loop of links
     */
    private static String whyLinkLeadsNowhere(Path link) {
        List<Path> chain = new ArrayList<>();
        Set<Path> visited = new HashSet<>();
        Path at = link;
        while (Files.isSymbolicLink(at) && visited.add(at.toAbsolutePath().normalize())
                && chain.size() < MOST_LINKS_FOLLOWED) {
            chain.add(at);
            Path target = linkTarget(at);
            if (target == null) {
                return "is a symbolic link that cannot be read";
            }
            at = at.resolveSibling(target);
        }
        String first = shown(linkTarget(link).toString());
        if (Files.isSymbolicLink(at)) {
            return "is a symbolic link to " + first + " in a loop of symbolic links, which leads to no file ("
                    + chainText(chain, at) + ")";
        }
        if (chain.size() == 1) {
            return "is a symbolic link to " + first + ", which does not exist";
        }
        return "is a symbolic link to " + first + ", which leads on to " + shown(at.toString())
                + ", which does not exist";
    }

    /** @return the links followed and where they end, e.g. {@code "loopA -> loopB -> loopA"} */
    private static String chainText(List<Path> chain, Path end) {
        StringBuilder text = new StringBuilder();
        for (Path link : chain) {
            text.append(shown(link.toString())).append(" -> ");
        }
        return text.append(shown(end.toString())).toString();
    }

    /** @return where a symbolic link points, as it was written; null when the link cannot be read */
    private static Path linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** @return the nearest of {@code folder} and the folders above it that is a file, or null when none is */
    private static Path fileInPath(Path folder) {
        for (Path at = folder; at != null; at = at.getParent()) {
            if (Files.exists(at)) {
                return Files.isDirectory(at) ? null : at;
            }
        }
        return null;
    }
}
