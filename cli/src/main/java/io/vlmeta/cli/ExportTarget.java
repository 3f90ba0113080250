package io.vlmeta.cli;

import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;
import java.nio.file.Path;

/**
 * Checks the file {@code export} is to write before anything is asked of the server. The export is written
 * beside the target and moved into place, which replaces whatever the path names: standard output, a device, a
 * pipe (which no later {@code validate --export-file} could read) or a folder would be lost to, or refuse, the
 * export only after it was fetched. Such a path is refused, naming what it is ({@link WriteTargets}).
 */
final class ExportTarget {
    private ExportTarget() {
    }

    /**
     * @param target the {@code -o} path as given, or the default file name; never null
     * @param json   whether standard output holds the {@code --json} document, which the refusal then says
     * @throws VlmetaException (usage) for a path {@link WriteTargets#SYSTEM} refuses
     */
    static void check(Path target, boolean json) {
        WriteTargets.SYSTEM.check(target, "Cannot save the export to -o", "name a regular file, e.g. -o "
                + ExportCommand.defaultFileName("ID") + ", for 'validate --export-file' to read"
                + (json ? " (with --json standard output holds the JSON document only)" : ""));
    }
}
