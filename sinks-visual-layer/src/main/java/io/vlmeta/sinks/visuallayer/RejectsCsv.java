package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.Rejection;
import io.vlmeta.api.VlmetaException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --rejects} file: one CSV line ({@code path,row,field,value,reason}) per entry the
 * server refused or that could not be sent, shared by every field of the job. Cells a spreadsheet
 * would run as formulas are neutralised ({@link #cell}). Created at the first field's end, header only
 * when nothing was refused, so its presence says the upload ran. Thread-safe.
 */
final class RejectsCsv implements AutoCloseable {
    private final Path file;
    private CSVPrinter printer;

    RejectsCsv(Path file) {
        this.file = file;
    }

    synchronized void write(String field, List<Rejection> rejections) {
        try {
            if (printer == null) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                printer = CSVFormat.DEFAULT.builder().setHeader("path", "row", "field", "value", "reason").build()
                        .print(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            }
            for (Rejection rejection : rejections) {
                printer.printRecord(cell(rejection.key()),
                        rejection.location() == null ? "" : rejection.location().row(),
                        cell(field), cell(rejection.value()), cell(rejection.reason()));
            }
            printer.flush();
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write the rejects file " + file + ": "
                    + FileFaults.whyUnwritable(file, e) + ".", e);
        }
    }

    /**
     * Neutralises a cell a spreadsheet would run as a formula, as OWASP's "CSV Injection" guidance says:
     * a cell starting with {@code = + - @}, a tab or a carriage return gets a leading {@code '}.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    @Override
    public synchronized void close() {
        if (printer != null) {
            try {
                printer.close();
            } catch (IOException e) {
                // flushed after every field already
            }
        }
    }
}
