package io.vlmeta.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the metadata as UTF-8 CSV, quoting only the cells that need it (commas, quotes). */
public final class CsvDatasetWriter implements DatasetWriter {

    /** The format of every file the generator writes: RFC 4180 quoting, one {@code \n} per row. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final CSVPrinter printer;

    /**
     * @param file the file to create or replace
     * @throws IOException when it cannot be created
     */
    public CsvDatasetWriter(Path file) throws IOException {
        this.printer = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT);
        printer.printRecord(BenchmarkSchema.header());
    }

    @Override
    public void write(MetadataRow row) throws IOException {
        printer.print(row.path());
        for (String value : row.values()) {
            printer.print(value);
        }
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
