package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
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
 * server refused, shared by every field of the job. Created at the first field's end, header only
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
                printer.printRecord(rejection.key(),
                        rejection.location() == null ? "" : rejection.location().row(),
                        field, rejection.value(), rejection.reason());
            }
            printer.flush();
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write the rejects file " + file + ": "
                    + e.getMessage() + ".", e);
        }
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
