package io.vlmeta.sources.parquet;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FoldersAndColumnsTest {

    @TempDir
    Path dir;

    @Test
    void readsAFolderOfPartFilesInNameOrderNumberingRecordsWithinEachFile() {
        Path parts = SourceRun.fixture("parts");

        SourceRun run = SourceRun.of(parts);

        assertThat(run.records()).extracting(Record::key)
                .containsExactly("images/p0.jpg", "images/p1.jpg", "images/p2.jpg", "images/p3.jpg", "images/p5.jpg");
        assertThat(run.records()).extracting(r -> r.location().describe()).containsExactly(
                parts.resolve("part-00000.parquet") + " row 1", parts.resolve("part-00000.parquet") + " row 2",
                parts.resolve("part-00000.parquet") + " row 3", parts.resolve("part-00001.parquet") + " row 1",
                parts.resolve("part-00001.parquet") + " row 3");
        assertThat(run.record("images/p5.jpg").value("score")).isEqualTo(new RawValue.Number(new BigDecimal("7.5")));
    }

    @Test
    void reportsARecordWithoutAKeyAtItsPartFileAndRow() {
        Path parts = SourceRun.fixture("parts");

        SourceRun run = SourceRun.of(parts);

        assertThat(run.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isTrue();
            assertThat(problem.location().file()).isEqualTo(parts.resolve("part-00001.parquet").toString());
            assertThat(problem.location().row()).isEqualTo(2);
            assertThat(problem.render()).isEqualTo("Row 2: Empty 'file_fullpath', so the record is skipped; every"
                    + " record needs the path of its media file.");
        });
    }

    @Test
    void passesOverTheWritersBookkeepingFiles() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("export"));
        Files.copy(SourceRun.fixture("parts/part-00000.parquet"), folder.resolve("part-00000.parquet"));
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Files.writeString(folder.resolve(".part-00000.parquet.crc"), "crc");

        assertThat(SourceRun.of(folder).records()).hasSize(3);
        assertThat(new ParquetSourceProvider().score(folder)).isEqualTo(10);
    }

    @Test
    void refusesPartFilesWithDifferentColumnsNamingBoth() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("export"));
        Files.copy(SourceRun.fixture("parts/part-00000.parquet"), folder.resolve("part-00000.parquet"));
        Files.copy(SourceRun.fixture("types.parquet"), folder.resolve("part-00001.parquet"));

        assertThatThrownBy(() -> SourceRun.of(folder))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessageStartingWith(folder.resolve("part-00001.parquet") + " has other columns or types than "
                        + folder.resolve("part-00000.parquet") + "; every part file of a folder must have the same schema.");
    }

    @Test
    void readsAcrossRowGroups() {
        SourceRun run = SourceRun.of(SourceRun.fixture("row-groups.parquet"));

        assertThat(run.records()).hasSize(2500);
        Record last = run.records().get(2499);
        assertThat(last.key()).isEqualTo("images/2499.jpg");
        assertThat(last.location().row()).isEqualTo(2500);
        assertThat(last.value("n")).isEqualTo(new RawValue.Number(new BigDecimal("2499")));
        assertThat(run.records().get(1000).value("n")).isEqualTo(new RawValue.Number(new BigDecimal("1000")));
    }

    @Test
    void listsColumnsNoFieldTypeTakesWithTheirParquetTypeAndFlattensStructs() {
        SourceRun run = SourceRun.of(SourceRun.fixture("unsupported.parquet"));

        assertThat(run.columns()).extracting(ColumnInfo::name, ColumnInfo::note).containsExactly(
                org.assertj.core.groups.Tuple.tuple("label", "Parquet BINARY STRING"),
                org.assertj.core.groups.Tuple.tuple("clip_start", "Parquet INT64 TIME(MICROS,false), which no field type takes"),
                org.assertj.core.groups.Tuple.tuple("thumbnail", "Parquet BINARY, which no field type takes"),
                org.assertj.core.groups.Tuple.tuple("extras", "Parquet MAP, which no field type takes"),
                org.assertj.core.groups.Tuple.tuple("exposure", "Parquet FIXED_LEN_BYTE_ARRAY(12) INTERVAL, which no field type takes"),
                org.assertj.core.groups.Tuple.tuple("camera.width", "Parquet INT32 INTEGER(32,true)"),
                org.assertj.core.groups.Tuple.tuple("camera.model", "Parquet BINARY STRING"));
        assertThat(run.record("images/a.jpg").values()).containsOnlyKeys("label", "camera.width", "camera.model");
        assertThat(run.record("images/a.jpg").value("camera.model")).isEqualTo(new RawValue.Text("X100"));
    }

    @Test
    void ignoresAColumnNoFieldTypeTakesUntilItsValuesAreAskedForThenReportsItOnce() {
        List<Problem> problems = new ArrayList<>();
        try (RecordSource source = new ParquetSourceProvider().open(
                new SourceRequest(SourceRun.fixture("unsupported.parquet"), null, Map.of()), problems::add)) {
            Record first = source.next();
            Record second = source.next();
            assertThat(first.value("label")).isEqualTo(new RawValue.Text("ok"));
            assertThat(problems).isEmpty();

            assertThat(first.value("clip_start")).isEqualTo(RawValue.Missing.INSTANCE);
            assertThat(second.value("clip_start")).isEqualTo(RawValue.Missing.INSTANCE);
            second.value("thumbnail");
        }

        assertThat(problems).extracting(Problem::category, Problem::field, Problem::render).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProblemCategory.INPUT, "clip_start", "Field 'clip_start': "
                        + SourceRun.fixture("unsupported.parquet") + " stores it as Parquet INT64 TIME(MICROS,false),"
                        + " which no field type can take, so none of its values can be uploaded; leave it out of the"
                        + " --*-fields flags (numbers, text, booleans, dates, timestamps and lists of those can be"
                        + " uploaded)."),
                org.assertj.core.groups.Tuple.tuple(ProblemCategory.INPUT, "thumbnail", "Field 'thumbnail': "
                        + SourceRun.fixture("unsupported.parquet") + " stores it as Parquet BINARY, which no field type"
                        + " can take, so none of its values can be uploaded; leave it out of the --*-fields flags"
                        + " (numbers, text, booleans, dates, timestamps and lists of those can be uploaded)."));
        assertThat(problems).allMatch(Problem::isError);
    }

    @Test
    void refusesAFileWithoutTheKeyColumnNamingItsColumns() {
        Path file = SourceRun.fixture("parts/part-00000.parquet");

        assertThatThrownBy(() -> SourceRun.of(new SourceRequest(file, "path", Map.of())))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + " has no column 'path' for the media paths; its columns are: file_fullpath, score.");
    }

    @Test
    void refusesAKeyColumnThatDoesNotHoldText() {
        Path file = SourceRun.fixture("parts/part-00000.parquet");

        assertThatThrownBy(() -> SourceRun.of(new SourceRequest(file, "score", Map.of())))
                .isInstanceOf(VlmetaException.class)
                .hasMessage(file + ": column 'score' holds Parquet FIXED_LEN_BYTE_ARRAY(16) DECIMAL(21,1), but the key"
                        + " column must hold the media paths as text (Parquet STRING).");
    }

    @Test
    void refusesAFileThatIsNotParquet() throws IOException {
        Path file = Files.writeString(dir.resolve("metadata.parquet"), "file_fullpath,score\na.jpg,1\n");
        Path tiny = Files.writeString(dir.resolve("tiny.parquet"), "1RAP");

        for (Path notParquet : List.of(file, tiny)) {
            // parquet-java's own words name the file "LocalInputFile@1b2c3d" and list the bytes it found
            assertThatThrownBy(() -> SourceRun.of(notParquet))
                    .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE))
                    .hasMessage(notParquet + " is not a Parquet file: it does not end with the bytes PAR1 every Parquet"
                            + " file ends with; give a Parquet file, or name the input's format with --source.");
        }
    }

    @Test
    void aFileThatStartsAsParquetButDoesNotEndSoIsSaidToBeCutShort() throws IOException {
        byte[] whole = Files.readAllBytes(SourceRun.fixture("types.parquet"));
        Path cut = Files.write(dir.resolve("cut.parquet"), java.util.Arrays.copyOf(whole, 1000));
        Path magicOnly = Files.writeString(dir.resolve("tiny.parquet"), "PAR1");

        for (Path file : List.of(cut, magicOnly)) {
            assertThatThrownBy(() -> SourceRun.of(file))
                    .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code().exitCode()).isEqualTo(1))
                    .hasMessage(file + " is a Parquet file cut short: it starts with the bytes PAR1 every Parquet file"
                            + " starts with, but does not end with them, so its footer, which describes its columns, is"
                            + " missing; write the file again.");
        }
    }

    @Test
    void aPartFileWithALineBreakInItsNameIsNamedOnOneLine() throws IOException {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Files.writeString(parts.resolve("part-0\n.parquet"), "not parquet");

        assertThatThrownBy(() -> SourceRun.of(parts)).hasMessage(parts + "/part-0\\n.parquet is not a Parquet file:"
                + " it does not end with the bytes PAR1 every Parquet file ends with; give a Parquet file, or name the"
                + " input's format with --source.");
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        byte[] whole = Files.readAllBytes(SourceRun.fixture("types.parquet"));
        Path file = Files.write(dir.resolve("cut.parquet"), java.util.Arrays.copyOf(whole, whole.length - 100));
        byte[] halfAndTail = java.util.Arrays.copyOf(whole, whole.length / 2 + 8);
        System.arraycopy(whole, whole.length - 8, halfAndTail, whole.length / 2, 8);
        Path halved = Files.write(dir.resolve("halved.parquet"), halfAndTail);

        for (Path cut : List.of(file, halved)) {
            // parquet-java's own words count bytes from inside the file ("footer is too large: 2182481958to be read")
            assertThatThrownBy(() -> SourceRun.of(cut))
                    .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code().exitCode()).isEqualTo(1))
                    .hasMessage(cut + " is a damaged Parquet file: its footer, which describes its columns, cannot be"
                            + " read (the file may be cut short); write the file again.");
        }
    }

    @Test
    void refusesARecordWhoseDataIsDamagedWithoutParquetJavasWords() throws IOException {
        byte[] bytes = Files.readAllBytes(SourceRun.fixture("types.parquet"));
        // the first page's header, right after the leading PAR1, overwritten: Thrift's words are "Unrecognized type 0"
        for (int at = 8; at < 48; at++) {
            bytes[at] ^= (byte) 0xA5;
        }
        Path file = Files.write(dir.resolve("damaged.parquet"), bytes);

        assertThatThrownBy(() -> SourceRun.of(file))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code().exitCode()).isEqualTo(1))
                .hasMessage(file + " record 1 cannot be read: the file's data there is damaged (a page of values cannot"
                        + " be decoded); write the file again.");
    }

    @Test
    void refusesAFolderWithoutParquetFilesAndAPathThatDoesNotExist() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));

        assertThatThrownBy(() -> SourceRun.of(empty)).isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith(empty + " is a folder without .parquet files");
        assertThatThrownBy(() -> SourceRun.of(dir.resolve("nope.parquet")))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessage(dir.resolve("nope.parquet") + " does not exist.");
    }

    @Test
    void readsOnlyTheSelectedColumnsAndReportsASelectedOneNoFieldTypeTakesAtOnce() {
        List<Problem> problems = new ArrayList<>();
        Path file = SourceRun.fixture("unsupported.parquet");
        try (RecordSource source = new ParquetSourceProvider().open(new SourceRequest(file, null, Map.of()),
                problems::add)) {
            source.select(java.util.Set.of("camera.model", "clip_start"));

            assertThat(problems).extracting(Problem::field).containsExactly("clip_start");
            Record first = source.next();
            assertThat(first.key()).isEqualTo("images/a.jpg");
            assertThat(first.values()).containsOnlyKeys("camera.model");
            assertThat(first.value("label")).isEqualTo(RawValue.Missing.INSTANCE);
            assertThat(first.value("clip_start")).isEqualTo(RawValue.Missing.INSTANCE);
            assertThat(source.next().key()).isEqualTo("images/b.jpg");
            assertThat(source.next()).isNull();
        }
        assertThat(problems).hasSize(1);
    }

    @Test
    void keepsTheSelectionAcrossPartFiles() {
        try (RecordSource source = new ParquetSourceProvider().open(
                new SourceRequest(SourceRun.fixture("parts"), null, Map.of()), problem -> { })) {
            source.select(java.util.Set.of());
            List<Record> records = new ArrayList<>();
            for (Record record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }

            assertThat(records).extracting(Record::key).containsExactly("images/p0.jpg", "images/p1.jpg",
                    "images/p2.jpg", "images/p3.jpg", "images/p5.jpg");
            assertThat(records).allSatisfy(record -> assertThat(record.values()).isEmpty());
        }
    }
}
