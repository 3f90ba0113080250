package io.vlmeta.sources.parquet;

import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.io.UncheckedIOException;
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
     * @return the files to read, at least one: for anything but a folder the path itself, which opening it refuses
     *     when it cannot be read (a file that does not exist, a symbolic link to nothing), saying why
     * @throws VlmetaException when the folder cannot be listed or holds no Parquet files
     */
    static List<Path> files(Path path) {
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
     * @throws VlmetaException when the folder cannot be listed, why in {@link FileFaults}' words, as every folder
     *     vlmeta reads is refused: {@code Folder /data/parts cannot be listed (no permission).}
     */
    static List<Path> parts(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> isPartName(p.getFileName().toString()) && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw unlistable(folder, e);
        } catch (UncheckedIOException e) {
            // a failure while the entries are read, after the folder was opened
            throw unlistable(folder, e.getCause());
        }
    }

    /** @return the refusal of a folder that could not be listed, never the system's own text */
    static VlmetaException unlistable(Path folder, IOException failure) {
        return FileFaults.unlistableInput(folder, folder.toString(), failure);
    }
}
