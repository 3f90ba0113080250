package io.vlmeta.sources.parquet;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files one input stands for: a Parquet file, or a folder of part files as Spark, pandas and
 * DuckDB write them ({@code part-00000.parquet}, ...), read in name order. Files whose names start with
 * {@code _} or {@code .} ({@code _SUCCESS}, {@code .part-00000.parquet.crc}) are the writers'
 * bookkeeping and are passed over.
 */
final class ParquetInputs {

    private ParquetInputs() {
    }

    /** @return true for a name ending in {@code .parquet} that is not bookkeeping */
    static boolean isPartName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".parquet") && !name.startsWith("_") && !name.startsWith(".");
    }

    /**
     * @param path a file or a folder
     * @return the files to read, at least one
     * @throws VlmetaException when the path does not exist or the folder holds no Parquet files
     */
    static List<Path> files(Path path) {
        if (!Files.exists(path)) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, path + " does not exist.");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> parts = parts(path);
        if (parts.isEmpty()) {
            throw VlmetaException.malformed(path + " is a folder without .parquet files; give a Parquet file or a"
                    + " folder of part files (part-00000.parquet, ...).");
        }
        return parts;
    }

    /**
     * @return the folder's part files in name order; empty when it has none
     * @throws VlmetaException when the folder cannot be listed
     */
    static List<Path> parts(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> isPartName(p.getFileName().toString()) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, folder + " could not be listed: " + e.getMessage(), e);
        }
    }
}
