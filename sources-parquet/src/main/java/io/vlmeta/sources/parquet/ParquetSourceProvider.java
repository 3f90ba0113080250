package io.vlmeta.sources.parquet;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code parquet} source: an Apache Parquet file, or a folder of part files ({@code part-*.parquet}
 * as Spark, pandas and DuckDB write them), one record per media file, keyed by {@code file_fullpath}
 * unless the request names another key column.
 *
 * <p>Values keep their Parquet type, mapped without going through text (see {@link ParquetTypes}):
 * numbers and decimals are numbers, DATE, TIMESTAMP and INT96 are date-times, LISTs of primitives are
 * lists, nulls are missing, structs are flattened into dotted column names. Columns of types no field
 * type takes are listed (their plan note says so) and never decoded; asking to upload one is one error
 * naming it and its type. Records are numbered from 1 within each file. Memory is bounded by the row
 * group, not the file. Pages compressed with Snappy, GZIP, ZSTD or LZ4_RAW are read; others are refused
 * by name.
 *
 * <p>It reads no options.
 *
 * @since 0.1
 */
public final class ParquetSourceProvider implements SourceProvider {

    /** Creates the provider; it holds no state. */
    public ParquetSourceProvider() {
    }

    @Override
    public String name() {
        return "parquet";
    }

    @Override
    public String description() {
        return "Apache Parquet files and folders of part-*.parquet files, typed values without text in between";
    }

    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public int score(Path path) {
        Path fileName = path.getFileName();
        if (fileName == null) {
            return 0;
        }
        if (Files.isDirectory(path)) {
            try {
                return ParquetInputs.parts(path).isEmpty() ? 0 : 10;
            } catch (VlmetaException e) {
                // a folder that cannot be listed is not one this source can claim; opening it says why
                return 0;
            }
        }
        return ParquetInputs.isPartName(fileName.toString()) ? 10 : 0;
    }

    @Override
    public RecordSource open(SourceRequest request, ProblemReporter reporter) {
        return ParquetRecordSource.open(request, reporter);
    }
}
