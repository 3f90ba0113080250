package io.vlmeta.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the dataset export that maps each image to its media id, in the server's
 * {@code export_media_id} form: a {@code filename,media_id} header, then one row per image.
 */
public final class ExportWriter implements AutoCloseable {

    private final CSVPrinter printer;

    /**
     * @param file the file to create or replace
     * @throws IOException when it cannot be created
     */
    public ExportWriter(Path file) throws IOException {
        this.printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CsvDatasetWriter.FORMAT);
        printer.printRecord("filename", "media_id");
    }

    /**
     * @param row the image to list
     * @throws IOException when the file cannot be written
     */
    public void write(MetadataRow row) throws IOException {
        printer.printRecord(row.path(), row.mediaId());
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
