package io.vlmeta.benchmarks;

import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Writes scale-test data: {@code metadata.csv} (or {@code .xlsx}) with N rows of the eight
 * {@link BenchmarkSchema} fields, the matching {@code export.csv} ({@code filename,media_id}), and
 * {@code field-flags.txt} with the type flags to validate or upload them with. The same seed writes the
 * same bytes.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.vlmeta.benchmarks.Generate 1000000 42 /tmp/bench csv}
 */
public final class Generate {

    private Generate() {
    }

    /**
     * @param args {@code <rows> <seed> <output-folder> [csv|xlsx|jsonl|parquet]}
     */
    public static void main(String[] args) {
        try {
            GenerateArguments arguments = GenerateArguments.parse(args);
            long started = System.nanoTime();
            write(arguments);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Wrote %d rows x %d fields to %s and %s in %.1f s%n", arguments.rows(),
                    BenchmarkSchema.FIELDS.size(), arguments.metadataFile(), arguments.exportFile(), seconds);
        } catch (VlmetaException e) {
            fail(System.err, e.getMessage(), e.code().exitCode());
        } catch (UncheckedIOException e) {
            fail(System.err, "Cannot write the data: " + e.getCause().getMessage(), 1);
        }
    }

    private static void fail(PrintStream err, String message, int exitCode) {
        err.println(message);
        System.exit(exitCode);
    }

    /**
     * Writes the three files the arguments name.
     *
     * @param arguments what to write, and where
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void write(GenerateArguments arguments) {
        try {
            Files.createDirectories(arguments.output());
            RowGenerator rows = new RowGenerator(arguments.seed());
            try (DatasetWriter metadata = open(arguments);
                 ExportWriter export = new ExportWriter(arguments.exportFile())) {
                for (long i = 0; i < arguments.rows(); i++) {
                    MetadataRow row = rows.next();
                    metadata.write(row);
                    export.write(row);
                }
            }
            Files.writeString(arguments.flagsFile(), BenchmarkSchema.flags() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DatasetWriter open(GenerateArguments arguments) throws IOException {
        return switch (arguments.format()) {
            case XLSX -> new XlsxDatasetWriter(arguments.metadataFile());
            case JSONL -> new JsonlDatasetWriter(arguments.metadataFile());
            case PARQUET -> new ParquetDatasetWriter(arguments.metadataFile());
            case CSV -> new CsvDatasetWriter(arguments.metadataFile());
        };
    }
}
