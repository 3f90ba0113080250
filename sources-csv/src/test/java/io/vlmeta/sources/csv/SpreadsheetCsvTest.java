package io.vlmeta.sources.csv;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.Severity;
import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files as spreadsheets write them (see {@code src/test/resources/spreadsheet-csv/README.md}). */
class SpreadsheetCsvTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sep-semicolon-de.csv", "sep-semicolon-de-bom.csv"})
    void readsTheDelimiterFromExcelsSepLineAndKeepsTheNumbersAsShown(String name) {
        Path file = fixture(name);

        SourceRun run = SourceRun.of(file);

        assertThat(run.problems()).isEmpty();
        assertThat(run.records()).containsExactly(
                new Record("images/img1.jpg", Location.of(file.toString(), 2),
                        Map.of("score", text("1,5"), "label", text("Müller"), "taken", text("2024-01-15"))),
                new Record("images/img2.jpg", Location.of(file.toString(), 3),
                        Map.of("score", text("1234,25"), "label", text("Straße"), "taken", text("2024-02-29"))),
                new Record("images/img3.jpg", Location.of(file.toString(), 4),
                        Map.of("score", text("-0,75"), "label", text("café"), "taken", text("2024-03-01"))));
    }

    @Test
    void readsTheSepLineLibreOfficeSavesBackAsAQuotedCell() {
        Path file = fixture("libreoffice-resaved-sep.csv");

        SourceRun run = SourceRun.of(file);

        assertThat(run.problems()).isEmpty();
        assertThat(run.records()).first().isEqualTo(new Record("images/img1.jpg", Location.of(file.toString(), 2),
                Map.of("score", text("1,5"), "label", text("Müller"), "taken", text("2024-01-15"))));
        assertThat(run.rows()).containsExactly(2L, 3L, 4L);
    }

    @Test
    void readsAWindows1252FileBehindItsSepLineWithTheEncodingGiven() {
        Path file = fixture("sep-semicolon-de-windows-1252.csv");

        SourceRun run = SourceRun.of(file, Map.of("encoding", "windows-1252"));

        assertThat(run.problems()).isEmpty();
        assertThat(run.records()).first().isEqualTo(new Record("images/img1.jpg", Location.of(file.toString(), 2),
                Map.of("score", text("1,5"), "label", text("Müller"), "taken", text("2024-01-15"))));
        assertThat(run.records()).extracting(record -> record.value("label"))
                .containsExactly(text("Müller"), text("Straße"), text("café"));
    }

    @Test
    void refusesTheRowsOfAWindows1252FileReadAsUtf8NamingTheEncodingOption() {
        Path file = fixture("sep-semicolon-de-windows-1252.csv");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).isEmpty();
        assertThat(run.renderedProblems()).hasSize(3).first().isEqualTo("Row 2: Contains bytes that are not valid"
                + " UTF-8, so the row is skipped; if the file has another encoding, give it with --encoding (e.g."
                + " windows-1252).");
    }

    @Test
    void readsAFrenchSemicolonFileWithTheDelimiterTheFirstRefusalAdvises() {
        Path file = fixture("libreoffice-fr-semicolon.csv");

        assertThatThrownBy(() -> SourceRun.of(file))
                .hasMessage(file + " has no column 'file_fullpath' for the media paths; its columns are:"
                        + " file_fullpath;score;label;taken; the header looks separated by ';', so give --delimiter"
                        + " ';'.");
        SourceRun advised = SourceRun.of(file, Map.of("delimiter", ";"));

        assertThat(advised.problems()).isEmpty();
        assertThat(advised.records()).extracting(record -> record.value("score"))
                .containsExactly(text("1,5"), text("1234,25"), text("-0,75"));
    }

    @Test
    void readsATabSeparatedFileBehindSepTab() {
        Path file = fixture("sep-tab.csv");

        SourceRun run = SourceRun.of(file);

        assertThat(run.problems()).isEmpty();
        assertThat(run.records()).first().isEqualTo(new Record("images/img1.jpg", Location.of(file.toString(), 2),
                Map.of("score", text("1.5"), "label", text("Müller"), "taken", text("2024-01-15"))));
        assertThat(run.rows()).containsExactly(2L, 3L, 4L);
    }

    @Test
    void acceptsADelimiterOptionThatAgreesWithTheSepLine() {
        Path file = fixture("sep-semicolon-de.csv");

        SourceRun run = SourceRun.of(file, Map.of("delimiter", ";"));

        assertThat(run.keys()).containsExactly("images/img1.jpg", "images/img2.jpg", "images/img3.jpg");
    }

    @Test
    void refusesADelimiterOptionThatContradictsTheSepLine() {
        Path file = fixture("sep-semicolon-de.csv");

        assertThatThrownBy(() -> SourceRun.of(file, Map.of("delimiter", ",")))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + " starts with the line 'sep=;', which makes ';' its delimiter, but --delimiter ,"
                        + " was given; leave out --delimiter.");
    }

    @Test
    void readsAPipeSeparatedFileBehindSepPipeInLowerOrUpperCase() throws IOException {
        Path lower = write("pipe.csv", "sep=|\nfile_fullpath|tags\na.jpg|x, y\n");
        Path upper = write("pipe-upper.csv", "SEP=|\r\nfile_fullpath|tags\r\na.jpg|x, y\r\n");

        assertThat(SourceRun.of(lower).records()).containsExactly(
                new Record("a.jpg", Location.of(lower.toString(), 2), Map.of("tags", text("x, y"))));
        assertThat(SourceRun.of(upper).records()).containsExactly(
                new Record("a.jpg", Location.of(upper.toString(), 2), Map.of("tags", text("x, y"))));
    }

    @Test
    void refusesASepLineNamingADelimiterTheSourceDoesNotRead() throws IOException {
        Path file = write("colon.csv", "sep=:\nfile_fullpath:score\na.jpg:1\n");

        assertThatThrownBy(() -> SourceRun.of(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " starts with the line 'sep=:', which names ':' as the delimiter; this source"
                        + " reads ',', ';', '|' or tab, so save the file with one of those.");
    }

    @Test
    void takesAHeaderThatOnlyStartsLikeASepLineAsTheHeader() throws IOException {
        Path file = write("sep-column.csv", "sep=;x,file_fullpath\n1,a.jpg\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).containsExactly(
                new Record("a.jpg", Location.of(file.toString(), 2), Map.of("sep=;x", text("1"))));
    }

    @Test
    void countsTheSepLineInLineNumbersButNotInRowNumbers() throws IOException {
        Path file = write("open-quote.csv", "sep=,\nfile_fullpath,notes\na.jpg,\"never closed\n");

        assertThatThrownBy(() -> SourceRun.of(file))
                .hasMessage(file + " row 2 (line 3): a quoted cell starts in this row and is never closed; add its"
                        + " closing quote (\").");
    }

    @Test
    void ignoresColumnsWithNoNameAndNoValueWithOneWarningNamingThem() {
        Path file = fixture("libreoffice-formula-blanks.csv");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).containsExactly(
                new Record("images/img1.jpg", Location.of(file.toString(), 2), Map.of("score", text("1.5"))),
                new Record("images/img2.jpg", Location.of(file.toString(), 3), Map.of("score", text("2"))));
        assertThat(run.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.WARNING);
            assertThat(problem.render()).isEqualTo("Row 1: Columns C–F (3–6) have no name in the header and no value"
                    + " in any row, so they are ignored.");
        });
    }

    @Test
    void ignoresExcelsTrailingEmptyCellsAfterItsSepLine() {
        Path file = fixture("excel-formatted-blanks.csv");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).containsExactly(
                new Record("images/img1.jpg", Location.of(file.toString(), 2),
                        Map.of("score", text("1.5"), "note", text("first"))),
                new Record("images/img2.jpg", Location.of(file.toString(), 3),
                        Map.of("score", text("2"), "note", RawValue.missing())));
        assertThat(run.renderedProblems()).containsExactly("Row 1: Columns D–F (4–6) have no name in the header and"
                + " no value in any row, so they are ignored.");
    }

    @Test
    void refusesAValueInAColumnWithNoNameNamingTheRowAndColumnAndWarnsOfTheEmptyOnes() {
        Path file = fixture("libreoffice-unnamed-value.csv");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("images/img1.jpg", "images/img3.jpg");
        assertThat(run.problems()).extracting(Problem::severity).containsExactly(Severity.ERROR, Severity.WARNING);
        assertThat(run.renderedProblems()).containsExactly(
                "Row 3: Column D (4) holds 'x' but no name in row 1, so the row is skipped; name the column in row 1,"
                        + " or delete the value.",
                "Row 1: Columns C, E and F (3, 5 and 6) have no name in the header and no value in any row, so they"
                        + " are ignored.");
    }

    @Test
    void treatsEmptyCellsPastTheHeaderLikeUnnamedColumns() throws IOException {
        Path file = write("extra.csv", "file_fullpath,score\na.jpg,1,,\nb.jpg,2\nc.jpg,3, ,\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "b.jpg", "c.jpg");
        assertThat(run.renderedProblems()).containsExactly("Row 1: Columns C and D (3 and 4) have no name in the header and"
                + " no value in any row, so they are ignored.");
    }

    @Test
    void namesASingleIgnoredColumnInTheSingular() throws IOException {
        Path file = write("one.csv", "file_fullpath,score,\na.jpg,1,\n");

        assertThat(SourceRun.of(file).renderedProblems()).containsExactly("Row 1: Column C (3) has no name in the"
                + " header and no value in any row, so it is ignored.");
    }

    @Test
    void warnsOncePerPassOverTheFile() throws IOException {
        Path file = write("twice.csv", "file_fullpath,score,\na.jpg,1,\n");
        SourceRequest request = new SourceRequest(file, null, Map.of());
        List<Problem> problems = new ArrayList<>();

        try (RecordSource source = new CsvSourceProvider().open(request, problems::add)) {
            while (source.next() != null) {
                // to the end
            }
            assertThat(source.next()).isNull();
        }

        assertThat(problems).hasSize(1);
    }

    @Test
    void keepsOnlyTheSelectedColumnsValuesWhileListingEveryColumn() throws IOException {
        Path file = write("wide.csv", "file_fullpath,a,b,c\nx.jpg,1,2,3\n");
        SourceRequest request = new SourceRequest(file, null, Map.of());

        try (RecordSource source = new CsvSourceProvider().open(request, problem -> { })) {
            source.select(Set.of("b", "unknown"));

            assertThat(source.columns()).extracting(column -> column.name()).containsExactly("a", "b", "c");
            assertThat(source.next()).isEqualTo(
                    new Record("x.jpg", Location.of(file.toString(), 2), Map.of("b", text("2"))));
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Path fixture(String name) {
        try {
            return Path.of(SpreadsheetCsvTest.class.getResource("/spreadsheet-csv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RawValue text(String value) {
        return new RawValue.Text(value);
    }
}
