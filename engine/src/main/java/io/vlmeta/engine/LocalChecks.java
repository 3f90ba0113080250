package io.vlmeta.engine;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.ErrorKind;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.ReportPaths;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Checks, before the first request, everything on this machine an upload needs, so a job never
 * declares a field and then fails for a local reason: the state folder can hold the journal, the
 * {@code --report} and {@code --rejects} files can be written, and the temporary folder has room
 * for the batch files and row spills. Each failure is one sentence naming the path and the flag.
 */
final class LocalChecks {
    /** A path named by a flag cannot be written: fix the flag (exit 2, a usage error). */
    static final ErrorCode PATH = ErrorCode.USAGE;
    /** Too little free disk: the machine, not the input (exit 1). */
    static final ErrorCode SPACE = new ErrorCode("LOCAL_SPACE", ErrorKind.USER, 1);
    /** Room kept free beyond the estimate: the journal, the rejects file and the file system's own needs. */
    static final long MARGIN_BYTES = 64L << 20;
    /**
     * What a refused {@code --report} is to be instead. No option switches the report of a validation or a dry run
     * off, so a report meant to be thrown away needs a file too.
     */
    static final String REPORT_INSTEAD = "give --report a regular file, e.g. --report vlmeta-report.html (validate "
            + "and dry runs always write a report, no option switches it off; an upload writes none without --report)";
    /** How a refused {@code --report} is named. */
    static final String REPORT_REFUSED = "Cannot write the report to --report";
    /** How a refused {@code --rejects} is named. */
    static final String REJECTS_REFUSED = "Cannot write the rejected rows to --rejects";
    /** How a refused {@code --state-dir} is named. */
    static final String STATE_REFUSED = "Cannot keep the resume journal in --state-dir";
    /** What a refused {@code --state-dir} is to be instead. */
    static final String STATE_INSTEAD = "give --state-dir a folder this user can write";
    /** What a refused {@code --rejects} is to be instead. */
    static final String REJECTS_INSTEAD = "give --rejects a regular file, e.g. --rejects rejected.csv, or leave it out";

    /** What a refusal calls the probe file, whose real name is random. */
    private static final String PROBE_NAME = ".write-probe";

    private LocalChecks() {
    }

    /**
     * @param fields     fields the job will upload
     * @param tempFolder where the sink writes batch files and row spills ({@code java.io.tmpdir})
     * @throws VlmetaException when something local would fail later
     */
    static void check(JobSpec spec, int fields, Path tempFolder) {
        files(spec);
        if (spec.mode() == JobSpec.Mode.UPLOAD) {
            writableFolder(spec.stateDir());
            freeSpace(spec.input(), fields, tempFolder);
        }
    }

    /**
     * The files the job writes, checked alike whatever the mode: a dry run refuses the {@code --rejects} a real
     * upload would refuse, though it writes none, so that passing one means the upload will pass it too.
     *
     * @throws VlmetaException (usage) naming the file that cannot be written and why
     */
    static void files(JobSpec spec) {
        if (spec.reportPath() != null) {
            replaceableReport(spec.reportPath(), WriteTargets.SYSTEM);
            ReportPaths files = ReportPaths.at(spec.reportPath());
            writableFile(files.html(), REPORT_REFUSED, REPORT_INSTEAD);
            writableFile(files.json(), "Cannot write the report's JSON file, beside --report " + files.html()
                    + ", to", REPORT_INSTEAD);
        }
        if (spec.rejectsFile() != null && spec.mode() != JobSpec.Mode.VALIDATE) {
            // written as the upload goes, after fields are declared: a pipe without a reader would hang there, a
            // socket or a device fail there, and '-' be a file named '-'
            WriteTargets.SYSTEM.check(spec.rejectsFile(), REJECTS_REFUSED, REJECTS_INSTEAD);
            writableFile(spec.rejectsFile(), REJECTS_REFUSED, REJECTS_INSTEAD);
        }
    }

    /**
     * Both report files are moved into place, replacing what their paths name: the HTML file and its JSON sibling
     * must each be a file the move may replace (not a folder, a device, a pipe, nor a path into /dev). The path as
     * given is judged too: {@code --report out} names the files {@code out.html} and {@code out.json}, but a folder
     * {@code out} says the user meant the report to go into it.
     *
     * @param given   the {@code --report} path as given; never null
     * @param targets the rule for which paths may be replaced
     * @throws VlmetaException (usage) naming the file that cannot be replaced and why
     */
    static void replaceableReport(Path given, WriteTargets targets) {
        if (given.toString().isBlank() || Files.isDirectory(given)) {
            targets.check(given, REPORT_REFUSED, REPORT_INSTEAD);
        }
        ReportPaths files = ReportPaths.at(given);
        targets.check(files.html(), REPORT_REFUSED, REPORT_INSTEAD);
        targets.check(files.json(), "Cannot write the report's JSON file, beside --report " + files.html() + ", to",
                REPORT_INSTEAD);
    }

    /** Creates the state folder if needed and proves a file can be created, written and removed in it. */
    static void writableFolder(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new VlmetaException(PATH, STATE_REFUSED + " '" + stateDir + "': "
                    + FileFaults.whyFolderNotMade(stateDir, e) + "; " + STATE_INSTEAD + ".", e);
        }
        try {
            probe(stateDir);
        } catch (IOException e) {
            throw new VlmetaException(PATH, STATE_REFUSED + " '" + stateDir + "': "
                    + FileFaults.whyUnwritable(stateDir.resolve(PROBE_NAME), e) + "; " + STATE_INSTEAD + ".", e);
        }
    }

    /**
     * Creates, writes and removes a file in {@code folder}: what permissions say is not enough (root
     * passes every permission check, also where no file can be made, such as under {@code /proc}).
     */
    private static void probe(Path folder) throws IOException {
        Path probe = Files.createTempFile(folder, ".write-probe-", ".tmp");
        try {
            Files.writeString(probe, "vlmeta");
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // a leftover empty probe file is harmless
            }
        }
    }

    /**
     * A file the job writes, already judged by {@link WriteTargets}: proves a file can be made in its folder (the
     * nearest existing one: the writers make missing folders), which permissions alone do not tell (a read-only
     * file system, a full disk, a system folder that lets the superuser make nothing).
     *
     * @param refused how the refusal starts, as {@link WriteTargets#check} takes it
     * @param instead what to give instead, as {@link WriteTargets#check} takes it
     */
    static void writableFile(Path file, String refused, String instead) {
        Path absolute = file.toAbsolutePath();
        if (Files.exists(absolute)) {
            return;
        }
        Path folder = absolute.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return;
        }
        try {
            probe(folder);
        } catch (IOException e) {
            throw new VlmetaException(PATH, refused + " '" + file + "': "
                    + FileFaults.whyUnwritable(folder.resolve(PROBE_NAME), e) + "; " + instead + ".", e);
        }
    }

    /**
     * Every field keeps a row spill (each entry's key, row and value) and its queued batch files on
     * disk until its task ends, and all fields run at once: about the input's size per field, an
     * upper bound for narrow files (wide files repeat only the key per field).
     */
    static void freeSpace(Path input, int fields, Path tempFolder) {
        long inputBytes = size(input);
        long needed = Math.multiplyExact(inputBytes, Math.max(1, fields)) + MARGIN_BYTES;
        long free;
        try {
            free = Files.getFileStore(tempFolder).getUsableSpace();
        } catch (IOException e) {
            return; // a file store that cannot say is not a reason to refuse
        }
        if (free < needed) {
            throw new VlmetaException(SPACE, "Not enough free disk for the upload's batch files in " + tempFolder
                    + ": about " + bytes(needed) + " needed (" + fields + (fields == 1 ? " field" : " fields")
                    + " of a " + bytes(inputBytes) + " input), " + bytes(free) + " free; free some space or point "
                    + "java.io.tmpdir elsewhere (VLMETA_JAVA_OPTS=-Djava.io.tmpdir=DIR).");
        }
    }

    private static long size(Path input) {
        try {
            if (!Files.isDirectory(input)) {
                return Files.size(input);
            }
            try (Stream<Path> files = Files.walk(input)) {
                return files.filter(Files::isRegularFile).mapToLong(LocalChecks::sizeOrZero).sum();
            }
        } catch (IOException e) {
            return 0; // the source reports an unreadable input in its own words
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static String bytes(long bytes) {
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
}
