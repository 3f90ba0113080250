package io.vlmeta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GenerateArgumentsTest {

    @Test
    void readsRowsSeedFolderAndFormat() {
        GenerateArguments arguments = GenerateArguments.parse("1_000", "-7", "out", "XLSX");

        assertThat(arguments).isEqualTo(new GenerateArguments(1000, -7, Path.of("out"), OutputFormat.XLSX));
        assertThat(arguments.metadataFile()).isEqualTo(Path.of("out", "metadata.xlsx"));
        assertThat(arguments.exportFile()).isEqualTo(Path.of("out", "export.csv"));
        assertThat(arguments.flagsFile()).isEqualTo(Path.of("out", "field-flags.txt"));
    }

    @Test
    void writesCsvWhenNoFormatIsGiven() {
        assertThat(GenerateArguments.parse("10", "1", "out").format()).isEqualTo(OutputFormat.CSV);
    }

    @Test
    void rejectsRowsThatAreNotAWholeNumber() {
        assertThatThrownBy(() -> GenerateArguments.parse("1e6", "1", "out"))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("The rows argument must be a whole number, got '1e6'. "
                        + "Usage: Generate <rows> <seed> <output-folder> [csv|xlsx|jsonl|parquet]")
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.USAGE);
    }

    @Test
    void rejectsZeroRows() {
        assertThatThrownBy(() -> GenerateArguments.parse("0", "1", "out"))
                .hasMessage("Rows must be at least 1, got 0. Usage: Generate <rows> <seed> <output-folder> [csv|xlsx|jsonl|parquet]");
    }

    @Test
    void rejectsMissingArguments() {
        assertThatThrownBy(() -> GenerateArguments.parse("10", "1"))
                .hasMessage("Expected 3 or 4 arguments, got 2. Usage: Generate <rows> <seed> <output-folder> [csv|xlsx|jsonl|parquet]");
    }

    @Test
    void rejectsAnUnknownFormat() {
        assertThatThrownBy(() -> GenerateArguments.parse("10", "1", "out", "avro"))
                .hasMessage("Unknown format 'avro'. Use csv, xlsx, jsonl or parquet.");
    }

    @Test
    void refusesMoreRowsThanAnExcelSheetHolds() {
        assertThat(GenerateArguments.parse("1048575", "1", "out", "xlsx").rows()).isEqualTo(1_048_575);
        assertThatThrownBy(() -> GenerateArguments.parse("1048576", "1", "out", "xlsx"))
                .hasMessage("An Excel sheet holds at most 1048575 data rows, got 1048576. Use csv for larger files.");
    }
}
