package io.vlmeta.cli;

import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks the file {@code export} is to write before anything is asked of the server. The export is written
 * beside the target and moved into place, which replaces whatever the path names: a path that names standard
 * output ({@code -}, {@code /dev/stdout}, {@code /dev/fd/1}, a link to one) or a device would be replaced by a
 * file (for a user who may write there) instead of receiving the export, and so would a pipe, which no later
 * {@code validate --export-file} could read. Such a path is refused, naming what it is.
 */
final class ExportTarget {
    /** The word that names standard output as a file elsewhere; Path.of("-") is a file named '-'. */
    private static final String DASH = "-";
    /** Where the system's standard streams and devices live: no export is meant to replace them. */
    private static final List<Path> SYSTEM_FOLDERS = List.of(Path.of("/dev"), Path.of("/proc"));

    private ExportTarget() {
    }

    /**
     * @param target the {@code -o} path as given, or the default file name; never null
     * @param json   whether standard output holds the {@code --json} document, which the refusal then says
     * @throws VlmetaException (usage) for standard output, a device, a pipe, or a link to one
     */
    static void check(Path target, boolean json) {
        String suggestion = "; name a file, e.g. -o " + ExportCommand.defaultFileName("ID")
                + ", for 'validate --export-file' to read.";
        String refused = "Cannot save the export as '" + target + "': it ";
        if (DASH.equals(target.toString()) || inSystemFolder(target)) {
            throw VlmetaException.usage(refused + "names standard output or a device, where export never writes the "
                    + "export" + (json ? " (with --json standard output holds the JSON document only)" : "")
                    + suggestion);
        }
        // a folder is refused when the export is moved onto it, which fails and names it
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            throw VlmetaException.usage(refused + "is not a regular file (a device or a pipe)" + suggestion);
        }
    }

    /** @return whether the path, or the links it leads through, lead into {@code /dev} or {@code /proc} */
    private static boolean inSystemFolder(Path target) {
        Path path = target.toAbsolutePath().normalize();
        // as many links as Linux follows (SYMLOOP_MAX) before it gives up: a loop ends here too
        for (int links = 0; links <= 40; links++) {
            if (SYSTEM_FOLDERS.stream().anyMatch(path::startsWith)) {
                return true;
            }
            if (!Files.isSymbolicLink(path)) {
                return false;
            }
            try {
                path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
            } catch (IOException | SecurityException e) {
                return false; // an unreadable link is refused, if at all, when the export is moved onto it
            }
        }
        return false;
    }
}
