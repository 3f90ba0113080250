package io.vlmeta.benchmarks;

import io.vlmeta.api.VlmetaException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The generator's command line: {@code <rows> <seed> <output-folder> [csv|xlsx|jsonl|parquet]}.
 *
 * @param rows   how many images to generate, at least 1
 * @param seed   the seed; the same seed writes the same files
 * @param output the folder to write into, created when missing
 * @param format the metadata file format
 */
public record GenerateArguments(long rows, long seed, Path output, OutputFormat format) {

    /** How the command is called, printed with every usage error. */
    public static final String USAGE = "Usage: Generate <rows> <seed> <output-folder> [csv|xlsx|jsonl|parquet]";

    public GenerateArguments {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
    }

    /**
     * @param args the command-line arguments
     * @return the parsed arguments
     * @throws VlmetaException a usage error saying which argument is wrong and what is accepted
     */
    public static GenerateArguments parse(String... args) {
        if (args.length < 3 || args.length > 4) {
            throw VlmetaException.usage("Expected 3 or 4 arguments, got " + args.length + ". " + USAGE);
        }
        long rows = parseLong(args[0], "rows");
        if (rows < 1) {
            throw VlmetaException.usage("Rows must be at least 1, got " + rows + ". " + USAGE);
        }
        long seed = parseLong(args[1], "seed");
        OutputFormat format = args.length == 4 ? OutputFormat.parse(args[3]) : OutputFormat.CSV;
        if (format == OutputFormat.XLSX && rows > OutputFormat.XLSX_MAX_DATA_ROWS) {
            throw VlmetaException.usage("An Excel sheet holds at most " + OutputFormat.XLSX_MAX_DATA_ROWS
                    + " data rows, got " + rows + ". Use csv for larger files.");
        }
        return new GenerateArguments(rows, seed, Path.of(args[2]), format);
    }

    private static long parseLong(String text, String name) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw VlmetaException.usage("The " + name + " argument must be a whole number, got '" + text + "'. "
                    + USAGE);
        }
    }

    /** @return the metadata file this run writes */
    public Path metadataFile() {
        return output.resolve("metadata." + format.extension());
    }

    /** @return the export file this run writes */
    public Path exportFile() {
        return output.resolve("export.csv");
    }

    /** @return the file holding the field-type flags for {@code vlmeta validate} and {@code upload} */
    public Path flagsFile() {
        return output.resolve("field-flags.txt");
    }
}
