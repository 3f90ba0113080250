package io.vlmeta.cli;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.Problem;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code --problems FILE.csv}: every problem, written as it is found (the summary keeps only the
 * first ones), one row each: file, row, column, value, severity, message. A cell a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return, as OWASP's CSV
 * injection advice lists them) is written with a leading {@code '}.
 */
final class ProblemsCsv implements AutoCloseable {
    static final String[] HEADER = {"file", "row", "column", "value", "severity", "message"};

    private final Path file;
    private final CSVPrinter printer;
    private long written;

    private ProblemsCsv(Path file, CSVPrinter printer) {
        this.file = file;
        this.printer = printer;
    }

    /** How a refused {@code --problems} is named, as every file vlmeta writes is ({@link WriteTargets#check}). */
    static final String REFUSED = "Cannot write the problems to --problems";
    /** What a refused {@code --problems} is to be instead. */
    static final String INSTEAD = "give --problems a regular file, e.g. --problems problems.csv, or leave it out";

    /**
     * Opens the file before the job starts: a pipe without a reader would hang here, before the banner, and a file
     * that cannot be made is refused before any request, as {@code --report} and {@code --rejects} are.
     *
     * @throws VlmetaException (usage) when the file cannot be replaced or created, naming why
     */
    static ProblemsCsv open(Path file) {
        WriteTargets.SYSTEM.check(file, REFUSED, INSTEAD);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return new ProblemsCsv(file, new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).build()));
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.USAGE, REFUSED + " '" + file + "': " + FileFaults.whyUnwritable(file, e)
                    + "; " + INSTEAD + ".", e);
        }
    }

    synchronized void write(Problem problem, String value) {
        try {
            printer.printRecord(
                    problem.location() == null ? "" : neutral(problem.location().file()),
                    problem.location() == null ? "" : Long.toString(problem.location().row()),
                    neutral(problem.field()), neutral(value),
                    problem.severity().name().toLowerCase(Locale.ROOT), neutral(problem.message()));
            written++;
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write to --problems " + file + ": "
                    + FileFaults.whyUnwritable(file, e) + "; choose a file in a writable folder.", e);
        }
    }

    synchronized long written() {
        return written;
    }

    /** @return the text with a leading {@code '} when a spreadsheet would read it as a formula */
    static String neutral(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public synchronized void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot finish --problems " + file + ": "
                    + FileFaults.whyUnwritable(file, e) + "; choose a file in a writable folder.", e);
        }
    }
}
