package io.vlmeta.sources.jsonl;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Lines a person or a tool got wrong: each is one row error naming the line, the rest of the file reads on. */
class BrokenLinesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void namesTheLineAndColumnOfInvalidJsonAndReadsTheNextLine() throws IOException {
        Path file = write("labels.jsonl", """
                {"file_fullpath": "a.jpg", "score": 1}
                {"file_fullpath": "b.jpg", "score": }
                {"file_fullpath": "c.jpg", "score": 3}
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "c.jpg");
        assertThat(run.records().get(1).location().row()).isEqualTo(3);
        assertThat(run.renderedProblems()).singleElement().asString()
                .startsWith("Row 2: Is not valid JSON at column 37: Unexpected character ('}'")
                .endsWith("; the line is skipped.");
    }

    @Test
    void refusesALineThatIsNotAnObject() throws IOException {
        Path file = write("labels.ndjson", """
                {"file_fullpath": "a.jpg"}
                ["b.jpg", 2]
                "c.jpg"
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg");
        assertThat(run.renderedProblems()).containsExactly(
                "Row 2: Holds an array, not a JSON object, so the line is skipped; every line must be one object"
                        + " such as {\"file_fullpath\": \"images/a.jpg\", ...}.",
                "Row 3: Holds a string, not a JSON object, so the line is skipped; every line must be one object"
                        + " such as {\"file_fullpath\": \"images/a.jpg\", ...}.");
    }

    @Test
    void refusesALineWithoutTheKeyOrWithABlankOrNonTextKey() throws IOException {
        Path file = write("labels.jsonl", """
                {"file_fullpath": "a.jpg", "label": "cat"}
                {"label": "dog"}
                {"file_fullpath": "  ", "label": "dog"}
                {"file_fullpath": null, "label": "dog"}
                {"file_fullpath": 17, "label": "dog"}
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg");
        assertThat(run.renderedProblems()).containsExactly(
                "Row 2: No 'file_fullpath' on this line, so it is skipped; every line needs the path of its media file.",
                "Row 3: No 'file_fullpath' on this line, so it is skipped; every line needs the path of its media file.",
                "Row 4: No 'file_fullpath' on this line, so it is skipped; every line needs the path of its media file.",
                "Row 5, field 'file_fullpath': Holds a number (17), but the media path must be a JSON string; the line"
                        + " is skipped.");
    }

    @Test
    void refusesAnObjectWhereOtherLinesHoldAValue() throws IOException {
        Path file = write("labels.jsonl", """
                {"file_fullpath": "a.jpg", "camera": "X100"}
                {"file_fullpath": "b.jpg", "camera": {"model": "X100"}}
                {"file_fullpath": {"path": "c.jpg"}}
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.columnNames()).containsExactly("camera", "camera.model", "file_fullpath.path");
        assertThat(run.keys()).containsExactly("a.jpg");
        assertThat(run.renderedProblems()).containsExactly(
                "Row 2, field 'camera': Holds an object where other lines hold a value; a field takes a string, a"
                        + " number, a boolean or a list, so the line is skipped.",
                "Row 3, field 'file_fullpath': Holds an object where the media path belongs; the path must be a JSON"
                        + " string, so the line is skipped.");
    }

    @Test
    void refusesAListHoldingObjectsAndDropsNullItems() throws IOException {
        Path file = write("labels.jsonl", """
                {"file_fullpath": "a.jpg", "tags": ["x", null, 2, true]}
                {"file_fullpath": "b.jpg", "tags": [{"name": "x"}]}
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.record("a.jpg").value("tags")).isEqualTo(new RawValue.ListValue(java.util.List.of(
                new RawValue.Text("x"), new RawValue.Number(new java.math.BigDecimal("2")), new RawValue.Text("true"))));
        assertThat(run.renderedProblems()).containsExactly("Row 2, field 'tags': Holds a list with an object in it;"
                + " a list may hold only strings, numbers and booleans, so the line is skipped.");
    }

    @Test
    void refusesAKeyGivenTwiceOnOneLineAndTwoObjectsOnOneLine() throws IOException {
        Path file = write("labels.jsonl", """
                {"file_fullpath": "a.jpg", "score": 1, "score": 2}
                {"file_fullpath": "b.jpg"} {"file_fullpath": "c.jpg"}
                {"file_fullpath": "d.jpg", "score": NaN}
                {"file_fullpath": "e.jpg", "score": 5}
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("e.jpg");
        assertThat(run.problems()).extracting(p -> p.location().row()).containsExactly(1L, 2L, 3L);
        assertThat(run.problems()).allMatch(Problem::isError);
        assertThat(run.renderedProblems().get(0)).contains("Duplicate field 'score'");
        assertThat(run.renderedProblems().get(1)).isEqualTo("Row 2: Has more after its object, at column 28, so the"
                + " line is skipped; put each object on a line of its own.");
        assertThat(run.renderedProblems().get(2)).startsWith("Row 3: Is not valid JSON at column ").contains("NaN");
    }

    @Test
    void skipsBlankLinesButCountsThemSoRowsAreLineNumbers() throws IOException {
        Path file = write("labels.jsonl", "\uFEFF{\"file_fullpath\": \"a.jpg\"}\r\n\r\n   \n{\"file_fullpath\": \"b.jpg\"}");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "b.jpg");
        assertThat(run.records()).extracting(r -> r.location().row()).containsExactly(1L, 4L);
    }

    @Test
    void refusesAFileWhereNoLineHasTheKeyNamingTheKeysItHas() throws IOException {
        Path file = write("labels.jsonl", """
                {"path": "a.jpg", "score": 1}
                """);

        assertThatThrownBy(() -> SourceRun.of(file))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " has no key 'file_fullpath' for the media paths on any line; its keys are: path, score.");
        assertThatThrownBy(() -> SourceRun.of(new SourceRequest(file, "media", Map.of())))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE));
        assertThat(SourceRun.of(new SourceRequest(file, "path", Map.of())).keys()).containsExactly("a.jpg");
    }

    @Test
    void suggestsTheClosestKeyWhenTheKeyColumnIsMisspelt() throws IOException {
        Path file = write("labels.jsonl", """
                {"file_full_path": "a.jpg", "score": 1}
                """);

        assertThatThrownBy(() -> SourceRun.of(new SourceRequest(file, "file_fullpath", Map.of())))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + " has no key 'file_fullpath' for the media paths on any line (did you mean"
                        + " 'file_full_path'?); its keys are: file_full_path, score.");
    }

    @Test
    void refusesAFileWithoutObjects() throws IOException {
        Path file = write("labels.jsonl", "\n\n");

        assertThatThrownBy(() -> SourceRun.of(file)).isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessageStartingWith(file + " holds no JSON object; it needs one object per line");
    }

    @Test
    void refusesBytesThatAreNotUtf8NamingTheLine() throws IOException {
        Path file = dir.resolve("labels.jsonl");
        byte[] latin1 = "{\"file_fullpath\": \"caf\u00e9.jpg\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);

        assertThatThrownBy(() -> SourceRun.of(file))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " line 1 holds bytes that are not valid UTF-8; JSON Lines files are UTF-8, so save the"
                        + " file as UTF-8.");
    }

    @Test
    void refusesATruncatedGzipFile() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            lines.append("{\"file_fullpath\": \"").append(i).append(".jpg\", \"n\": ").append(i).append("}\n");
        }
        byte[] whole = gzipped(lines.toString());
        Path file = Files.write(dir.resolve("labels.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThat(damaged(file)).startsWith(file + " is not a complete gzip file: it ends before its compressed data"
                + " does, near line ").endsWith(".").doesNotContain("ZLIB");
    }

    @Test
    void anEmptyGzFileIsSaidToBeEmptyNotCutShort() throws IOException {
        Path file = Files.createFile(dir.resolve("labels.jsonl.gz"));

        assertThat(damaged(file)).isEqualTo(file + " is an empty file, not gzip-compressed data, though its name ends"
                + " in .gz; give the compressed file, or compress the lines with gzip.");
    }

    @Test
    void refusesAFileNamedGzThatIsNotGzipInWordsWithoutTheDecompressors() throws IOException {
        Path file = write("labels.jsonl.gz", "{\"file_fullpath\": \"a.jpg\"}\n");

        assertThat(damaged(file)).isEqualTo(file + " is not gzip-compressed, though its name ends in .gz; give it a"
                + " name without .gz, or compress it with gzip.");
    }

    @Test
    void refusesAGzipFileWithDamagedDataNamingTheLineNearIt() throws IOException {
        byte[] bytes = gzipped("{\"file_fullpath\": \"a.jpg\"}\n".repeat(50));
        // the first block's header after gzip's ten: a block type that does not exist (binary 11)
        bytes[10] = (byte) 0xFF;
        Path file = Files.write(dir.resolve("labels.jsonl.gz"), bytes);

        assertThat(damaged(file)).isEqualTo(file + " is not a complete gzip file: its compressed data is damaged near"
                + " line 1.");
    }

    /** @return {@code text} in UTF-8, gzip-compressed */
    private static byte[] gzipped(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /**
     * @return the message of the refusal of {@code file} as damaged: a failure reading the input, which ends the run
     *     with exit code 1 as a file that cannot be opened does, not 3 as values that failed validation
     */
    private static String damaged(Path file) {
        VlmetaException refused = catchThrowableOfType(() -> SourceRun.of(file), VlmetaException.class);
        assertThat(refused).as("a refusal of " + file).isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE);
        assertThat(refused.code().exitCode()).isEqualTo(1);
        return refused.getMessage();
    }

    @Test
    void refusesALineOnlyForWhatItHoldsInTheSelectedColumns() throws IOException {
        Path file = write("labels.jsonl", """
                {"file_fullpath": "a.jpg", "score": 1, "camera": "X100", "tags": ["x"]}
                {"file_fullpath": "b.jpg", "score": 2, "camera": {"model": "X100"}, "tags": [{"name": "x"}]}
                """);
        List<Problem> problems = new java.util.ArrayList<>();
        List<io.vlmeta.api.Record> records = new java.util.ArrayList<>();

        try (io.vlmeta.api.RecordSource source = new JsonlSourceProvider().open(
                new SourceRequest(file, null, Map.of()), problems::add)) {
            source.select(java.util.Set.of("score"));
            for (io.vlmeta.api.Record record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
        }

        assertThat(problems).isEmpty();
        assertThat(records).extracting(io.vlmeta.api.Record::key).containsExactly("a.jpg", "b.jpg");
        assertThat(records).allSatisfy(record -> assertThat(record.values()).containsOnlyKeys("score"));
    }
}
