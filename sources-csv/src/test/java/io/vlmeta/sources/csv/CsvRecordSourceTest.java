package io.vlmeta.sources.csv;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordSourceTest {

    private static final String REFERENCE_EXAMPLE = """
            file_fullpath,patient_id,score,created_at,status,tags,pdf_url
            images/img1.jpg,P001,95.5,2024-01-15,active,"tag1, tag2",https://example.com/doc.pdf
            images/img2.jpg,P002,87.2,2024-01-16,pending,"tag3, tag4",https://example.com/doc2.pdf
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheReferenceScriptsExampleFile() throws IOException {
        Path file = write("metadata.csv", REFERENCE_EXAMPLE);

        SourceRun run = SourceRun.of(file);

        assertThat(run.problems()).isEmpty();
        assertThat(run.records()).containsExactly(
                new Record("images/img1.jpg", Location.of(file.toString(), 2), Map.of(
                        "patient_id", text("P001"), "score", text("95.5"), "created_at", text("2024-01-15"),
                        "status", text("active"), "tags", text("tag1, tag2"),
                        "pdf_url", text("https://example.com/doc.pdf"))),
                new Record("images/img2.jpg", Location.of(file.toString(), 3), Map.of(
                        "patient_id", text("P002"), "score", text("87.2"), "created_at", text("2024-01-16"),
                        "status", text("pending"), "tags", text("tag3, tag4"),
                        "pdf_url", text("https://example.com/doc2.pdf"))));
    }

    @Test
    void offersEveryColumnButTheKeyInFileOrder() throws IOException {
        Path file = write("metadata.csv", "score,file_fullpath,status\n1,a.jpg,ok\n");

        try (RecordSource source = open(file)) {
            assertThat(source.keyColumn()).isEqualTo("file_fullpath");
            assertThat(source.columns()).containsExactly(ColumnInfo.plain("score"), ColumnInfo.plain("status"));
            assertThat(source.description()).isEqualTo(file.toString());
        }
    }

    @Test
    void trimsHeaderNamesSoFlagsFindTheirColumns() throws IOException {
        Path file = write("metadata.csv", " file_fullpath , score \na.jpg,1\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).singleElement()
                .satisfies(record -> assertThat(record.value("score")).isEqualTo(text("1")));
    }

    @Test
    void numbersRowsAsASpreadsheetDoesWhenQuotedCellsSpanSeveralLines() throws IOException {
        Path file = write("metadata.csv", """
                file_fullpath,notes
                a.jpg,"first line
                second line
                third line"
                b.jpg,plain
                c.jpg,"two
                lines"
                d.jpg,last
                """);

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "b.jpg", "c.jpg", "d.jpg");
        assertThat(run.rows()).containsExactly(2L, 3L, 4L, 5L);
        assertThat(run.records().get(0).value("notes")).isEqualTo(text("first line\nsecond line\nthird line"));
    }

    @Test
    void countsABlankLineAsARowAndSkipsIt() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,score\na.jpg,1\n\nb.jpg,2\n\n\nc.jpg,3\n\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "b.jpg", "c.jpg");
        assertThat(run.rows()).containsExactly(2L, 4L, 7L);
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void skipsRowsWhoseCellsAreAllBlankWithoutAProblem() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,score,status\na.jpg,1,x\n,,\n  , ,\nb.jpg,2,y\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "b.jpg");
        assertThat(run.rows()).containsExactly(2L, 5L);
        assertThat(run.problems()).isEmpty();
    }

    @Test
    void countsBlankLinesBeforeTheHeaderAsRows() throws IOException {
        Path file = write("metadata.csv", "\n\nfile_fullpath,score\na.jpg,1\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.rows()).containsExactly(4L);
    }

    @Test
    void refusesAFileWithoutTheKeyColumnNamingTheColumnsItHas() throws IOException {
        Path file = write("metadata.csv", "path,score,status\na.jpg,1,x\n");

        assertThatThrownBy(() -> open(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " has no column 'file_fullpath' for the media paths; its columns are: path, score,"
                        + " status.");
    }

    @Test
    void saysWhichDelimiterToGiveWhenTheHeaderReadsAsOneColumnHoldingAnother() throws IOException {
        Path file = write("metadata.csv", "file_fullpath;score;status\na.jpg;1,5;x\n");

        assertThatThrownBy(() -> open(file))
                .hasMessage(file + " has no column 'file_fullpath' for the media paths; its columns are:"
                        + " file_fullpath;score;status; the header looks separated by ';', so give --delimiter ';'.");
    }

    @Test
    void readsTheKeyFromTheColumnTheRequestNames() throws IOException {
        Path file = write("metadata.csv", "image,score\n  a.jpg ,1\n");

        SourceRun run = SourceRun.of(new SourceRequest(file, "image", Map.of()));

        assertThat(run.records()).containsExactly(
                new Record("a.jpg", Location.of(file.toString(), 2), Map.of("score", text("1"))));
    }

    @Test
    void refusesAKeyColumnTheUserNamedThatIsNotThereAsAUsageError() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,score\na.jpg,1\n");

        assertThatThrownBy(() -> SourceRun.of(new SourceRequest(file, "image", Map.of())))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage(file + " has no column 'image' for the media paths; its columns are: file_fullpath, score.");
    }

    @Test
    void reportsAndSkipsARowWhoseKeyIsEmpty() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,score\na.jpg,1\n   ,2\n,3\nb.jpg,4\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "b.jpg");
        String message = "Empty 'file_fullpath', so the row is skipped; every row needs the path of its media file.";
        assertThat(run.problems()).containsExactly(
                new Problem(Severity.ERROR, ProblemCategory.INPUT, Location.of(file.toString(), 3), null, message),
                new Problem(Severity.ERROR, ProblemCategory.INPUT, Location.of(file.toString(), 4), null, message));
        assertThat(run.renderedProblems().get(0)).isEqualTo("Row 3: " + message);
    }

    @Test
    void trimsTheKeyButKeepsValuesAsWritten() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,notes\n  images/a.jpg\t,  spaced out  \n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("images/a.jpg");
            assertThat(record.value("notes")).isEqualTo(text("  spaced out  "));
        });
    }

    @Test
    void readsEmptyCellsAndCellsMissingFromShortRowsAsMissing() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,score,status\na.jpg,,x\nb.jpg\nc.jpg,2\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.problems()).isEmpty();
        assertThat(run.records()).extracting(record -> record.value("score"), record -> record.value("status"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RawValue.missing(), text("x")),
                        org.assertj.core.groups.Tuple.tuple(RawValue.missing(), RawValue.missing()),
                        org.assertj.core.groups.Tuple.tuple(text("2"), RawValue.missing()));
    }

    @Test
    void stripsAUtf8ByteOrderMark() throws IOException {
        Path file = writeBytes("metadata.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "file_fullpath,caf\u00e9\na.jpg,cr\u00e8me\n".getBytes(StandardCharsets.UTF_8)));

        try (RecordSource source = open(file)) {
            assertThat(source.keyColumn()).isEqualTo("file_fullpath");
            assertThat(source.columns()).containsExactly(ColumnInfo.plain("caf\u00e9"));
            assertThat(source.next().value("caf\u00e9")).isEqualTo(text("cr\u00e8me"));
        }
    }

    @Test
    void decodesTheEncodingTheOptionNames() throws IOException {
        Path file = writeBytes("metadata.csv",
                "file_fullpath,city\nim\u00e9.jpg,K\u00f6ln \u20ac\n".getBytes(Charset.forName("windows-1252")));

        SourceRun run = SourceRun.of(file, Map.of("encoding", "windows-1252"));

        assertThat(run.records()).containsExactly(new Record("im\u00e9.jpg", Location.of(file.toString(), 2),
                Map.of("city", text("K\u00f6ln \u20ac"))));
    }

    @Test
    void readsUtf16TextWithAByteOrderMarkWithoutBeingToldItsEncoding() throws IOException {
        // What a spreadsheet's "Unicode text" export writes: UTF-16LE with a byte order mark, tab-separated.
        byte[] text = "file_fullpath\tcity\r\nimg\u00e9.jpg\tK\u00f6ln\r\n".getBytes(StandardCharsets.UTF_16LE);
        Path file = writeBytes("unicode.txt", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text));

        SourceRun run = SourceRun.of(file, Map.of("delimiter", "tab"));

        assertThat(run.records()).containsExactly(new Record("img\u00e9.jpg", Location.of(file.toString(), 2),
                Map.of("city", text("K\u00f6ln"))));
    }

    @Test
    void acceptsPythonsNameForUtf8WithAByteOrderMark() throws IOException {
        Path file = writeBytes("metadata.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "file_fullpath,city\na.jpg,K\u00f6ln\n".getBytes(StandardCharsets.UTF_8)));

        SourceRun run = SourceRun.of(file, Map.of("encoding", "utf-8-sig"));

        assertThat(run.records()).containsExactly(new Record("a.jpg", Location.of(file.toString(), 2),
                Map.of("city", text("K\u00f6ln"))));
    }

    @Test
    void reportsBytesNotValidInTheEncodingWithTheirRowAndSkipsTheRow() throws IOException {
        byte[] latin1 = "file_fullpath,notes\na.jpg,\"two\nlines\"\nb.jpg,caf\u00e9\nc.jpg,ok\nd.jpg,\u00fcber\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = writeBytes("metadata.csv", latin1);

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "c.jpg");
        assertThat(run.renderedProblems()).containsExactly(
                "Row 3: Contains bytes that are not valid UTF-8, so the row is skipped; if the file has another"
                        + " encoding, give it with --encoding (e.g. windows-1252).",
                "Row 5: Contains bytes that are not valid UTF-8, so the row is skipped; if the file has another"
                        + " encoding, give it with --encoding (e.g. windows-1252).");
        assertThat(run.problems()).allSatisfy(problem -> {
            assertThat(problem.category()).isEqualTo(ProblemCategory.INPUT);
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void pinsBadBytesAfterAByteOrderMarkToTheirRow() throws IOException {
        Path file = writeBytes("metadata.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "file_fullpath,n\na.jpg,1\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'b', '.', 'j', 'p', 'g', ',', (byte) 0xFF, '\n'},
                "c.jpg,3\n".getBytes(StandardCharsets.UTF_8)));

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg", "c.jpg");
        assertThat(run.problems()).extracting(problem -> problem.location().row()).containsExactly(3L);
    }

    @Test
    void refusesAHeaderWithBytesNotValidInTheEncoding() throws IOException {
        Path file = writeBytes("metadata.csv", "file_fullpath,caf\u00e9\na.jpg,1\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> open(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " row 1: the header holds bytes that are not valid UTF-8; give the file's encoding"
                        + " with --encoding (e.g. windows-1252).");
    }

    @Test
    void refusesAnUnknownEncodingWithoutShowingTheWordGiven() throws IOException {
        Path file = write("metadata.csv", REFERENCE_EXAMPLE);

        assertThatThrownBy(() -> SourceRun.of(file, Map.of("encoding", "klingon-8")))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("Option encoding takes a character set this Java knows, such as UTF-8, windows-1252 or"
                        + " ISO-8859-1; the value given is not one.");
    }

    @Test
    void splitsTsvFilesOnTabs() throws IOException {
        Path file = write("metadata.tsv", "file_fullpath\ttags\na.jpg\ttag1, tag2\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).singleElement()
                .satisfies(record -> assertThat(record.value("tags")).isEqualTo(text("tag1, tag2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {";", "|", "tab", "\\t", ","})
    void splitsOnTheDelimiterTheOptionNames(String option) throws IOException {
        String delimiter = option.equals("tab") || option.equals("\\t") ? "\t" : option;
        Path file = write("metadata.txt", String.join(delimiter, "file_fullpath", "score", "status") + "\n"
                + String.join(delimiter, "a.jpg", "1.5", "x y") + "\n");

        SourceRun run = SourceRun.of(file, Map.of("delimiter", option));

        assertThat(run.records()).containsExactly(new Record("a.jpg", Location.of(file.toString(), 2),
                Map.of("score", text("1.5"), "status", text("x y"))));
    }

    @Test
    void refusesAnUnsupportedDelimiterWithoutShowingTheWordGiven() throws IOException {
        Path file = write("metadata.csv", REFERENCE_EXAMPLE);

        assertThatThrownBy(() -> SourceRun.of(file, Map.of("delimiter", "::")))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("Option delimiter takes one of ',', ';', '|' or 'tab'; the value given is not one.");
    }

    @Test
    void readsCrlfAndLfLineEndingsAlike() throws IOException {
        Path crlf = write("crlf.csv", REFERENCE_EXAMPLE.replace("\n", "\r\n"));
        Path lf = write("lf.csv", REFERENCE_EXAMPLE);

        SourceRun fromCrlf = SourceRun.of(crlf);
        SourceRun fromLf = SourceRun.of(lf);

        assertThat(fromCrlf.records()).extracting(Record::values)
                .containsExactlyElementsOf(fromLf.records().stream().map(Record::values).toList());
        assertThat(fromCrlf.rows()).containsExactly(2L, 3L);
    }

    @Test
    void readsQuotedCellsHoldingDelimitersQuotesAndLineBreaks() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,notes,size\r\n"
                + "\"a,b.jpg\",\"He said \"\"hi\"\", then left\",\"1,5\"\r\n"
                + "c.jpg,\"line one\r\nline two\",\"\"\r\n"
                + "d.jpg,5\" screen,2\r\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).containsExactly(
                new Record("a,b.jpg", Location.of(file.toString(), 2),
                        Map.of("notes", text("He said \"hi\", then left"), "size", text("1,5"))),
                new Record("c.jpg", Location.of(file.toString(), 3),
                        Map.of("notes", text("line one\r\nline two"), "size", RawValue.missing())),
                new Record("d.jpg", Location.of(file.toString(), 4),
                        Map.of("notes", text("5\" screen"), "size", text("2"))));
    }

    @Test
    void skipsARowWithAValuePastTheHeaderAsAnErrorNamingTheRowAndColumn() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,tags\na.jpg,x\nb.jpg,tag1, tag2\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("a.jpg");
        assertThat(run.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.location()).isEqualTo(Location.of(file.toString(), 3));
        });
        assertThat(run.renderedProblems()).containsExactly("Row 3: Has 3 cells but the header has 2 columns:"
                + " column C (3) holds 'tag2' without a name in row 1, so the row is skipped; quote any cell that"
                + " contains the ',' delimiter, or name the column in row 1.");
    }

    @Test
    void namesTheTabDelimiterWhenATsvRowHasAValuePastTheHeader() throws IOException {
        Path file = write("metadata.tsv", "file_fullpath\tscore\na.jpg\t1\t2\nb.jpg\t3\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.keys()).containsExactly("b.jpg");
        assertThat(run.renderedProblems()).containsExactly("Row 2: Has 3 cells but the header has 2 columns:"
                + " column C (3) holds '2' without a name in row 1, so the row is skipped; quote any cell that"
                + " contains the tab delimiter, or name the column in row 1.");
    }

    @Test
    void refusesAnUnterminatedQuoteNamingTheRowWhereItStarts() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,notes\na.jpg,ok\nb.jpg,\"starts here\nc.jpg,more\n");

        assertThatThrownBy(() -> SourceRun.of(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " row 3: a quoted cell starts in this row and is never closed; add its closing"
                        + " quote (\").");
    }

    @Test
    void givesTheLineTooWhenAnUnterminatedQuoteFollowsMultiLineCells() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,notes\na.jpg,\"two\nlines\"\nb.jpg,\"open\nc.jpg,x\n");

        assertThatThrownBy(() -> SourceRun.of(file))
                .hasMessage(file + " row 3 (line 4): a quoted cell starts in this row and is never closed; add its"
                        + " closing quote (\").");
    }

    @Test
    void refusesTextAfterAClosingQuote() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,notes\na.jpg,\"quoted\"tail\n");

        assertThatThrownBy(() -> SourceRun.of(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " row 2: a quoted cell is followed by other text before the next delimiter; inside"
                        + " a quoted cell write a quote as two quotes (\"\").");
    }

    @Test
    void refusesARowThatRunsPastTheLimitInsteadOfReadingTheRestOfTheFileIntoOneCell() throws IOException {
        StringBuilder content = new StringBuilder("file_fullpath,notes\na.jpg,ok\nb.jpg,\"never closed\n");
        for (int i = 0; i < 5_000; i++) {
            content.append("c").append(i).append(".jpg,filler text\n");
        }
        Path file = write("metadata.csv", content.toString());
        SourceRequest request = new SourceRequest(file, null, Map.of());

        assertThatThrownBy(() -> {
            try (RecordSource source = CsvRecordSource.open(request, ProblemReporter.DISCARD, 1_000)) {
                while (source.next() != null) {
                    // reading until the source refuses
                }
            }
        }).isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " row 3 runs for more than 1,000 characters; a quoted cell is probably missing its"
                        + " closing quote.");
    }

    @Test
    void refusesDuplicateHeaderNamesNamingThem() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,score,tags,score,tags,score\na.jpg,1,2,3,4,5\n");

        assertThatThrownBy(() -> open(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " row 1: column names used more than once: 'score' (columns 2, 4 and 6),"
                        + " 'tags' (columns 3 and 5); every column needs its own name.");
    }

    @Test
    void skipsARowWithAValueUnderABlankHeaderNameAsAnErrorNamingTheColumn() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,score, \na.jpg,1,2\nb.jpg,3,\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).containsExactly(
                new Record("b.jpg", Location.of(file.toString(), 3), Map.of("score", text("3"))));
        assertThat(run.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.ERROR);
            assertThat(problem.render()).isEqualTo("Row 2: Column C (3) holds '2' but no name in row 1, so the"
                    + " row is skipped; name the column in row 1, or delete the value.");
        });
    }

    @Test
    void keepsOnlySelectedColumnsYetCountsValuesInTheOthers() throws IOException {
        Path file = write("metadata.csv", "file_fullpath,a,b,,c\n"
                + "w.jpg,0,,,\n"
                + "x.jpg,1,2,,3\n"
                + ",, \t ,,\" \"\n"
                + ",,only b,,\n"
                + "y.jpg,\"4\",\" \"\"q\"\" \",,5\n"
                + "z.jpg,6,,\"v\",\n");
        List<Problem> problems = new ArrayList<>();
        List<Record> records = new ArrayList<>();

        try (RecordSource source = new CsvSourceProvider().open(new SourceRequest(file, null, Map.of()),
                problems::add)) {
            source.select(Set.of("a"));
            for (Record record = source.next(); record != null; record = source.next()) {
                records.add(record);
            }
        }

        String name = file.toString();
        assertThat(records).containsExactly(
                new Record("w.jpg", Location.of(name, 2), Map.of("a", text("0"))),
                new Record("x.jpg", Location.of(name, 3), Map.of("a", text("1"))),
                new Record("y.jpg", Location.of(name, 6), Map.of("a", text("4"))));
        assertThat(problems).extracting(Problem::render).containsExactly(
                "Row 5: Empty 'file_fullpath', so the row is skipped; every row needs the path of its media file.",
                "Row 7: Column D (4) holds 'v' but no name in row 1, so the row is skipped; name the column in row 1,"
                        + " or delete the value.");
    }

    @Test
    void namesEveryUnnamedColumnARowHoldsAValueIn() throws IOException {
        Path file = write("metadata.csv", ",file_fullpath,,score\n1,a.jpg,2,3\n");

        SourceRun run = SourceRun.of(file);

        assertThat(run.records()).isEmpty();
        assertThat(run.renderedProblems()).containsExactly("Row 2: Columns A and C (1 and 3) hold values ('1' in A)"
                + " but no name in row 1, so the row is skipped; name the column in row 1, or delete the value.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\uFEFF", "\n\n", "\r\n"})
    void refusesAnEmptyFile(String content) throws IOException {
        Path file = write("metadata.csv", content);

        assertThatThrownBy(() -> open(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " is empty; it needs a header row naming its columns (file_fullpath, ...) and one"
                        + " row per media file.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file_fullpath,score", "file_fullpath,score\n", "file_fullpath,score\r\n\r\n,\n"})
    void refusesAFileWithAHeaderButNoDataRows(String content) throws IOException {
        Path file = write("metadata.csv", content);

        assertThatThrownBy(() -> open(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_MALFORMED))
                .hasMessage(file + " has a header but no data rows.");
    }

    @Test
    void refusesAFileThatDoesNotExist() {
        Path file = dir.resolve("missing.csv");

        assertThatThrownBy(() -> open(file))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessage(file + " does not exist.");
    }

    @Test
    void refusesAFolder() {
        assertThatThrownBy(() -> open(dir))
                .isInstanceOfSatisfying(VlmetaException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessage(dir + " is a folder, not a CSV file.");
    }

    @Test
    void yieldsTheSameRecordsEachTimeItIsOpened() throws IOException {
        Path file = write("metadata.csv", REFERENCE_EXAMPLE + "\n,P003,1,2024-01-17,x,y,z\nimages/img4.jpg,\"a\nb\"\n");

        SourceRun first = SourceRun.of(file);
        SourceRun second = SourceRun.of(file);

        assertThat(first.records()).hasSize(3).isEqualTo(second.records());
        assertThat(first.problems()).hasSize(1).isEqualTo(second.problems());
    }

    @Test
    void closingTwiceIsHarmless() throws IOException {
        Path file = write("metadata.csv", REFERENCE_EXAMPLE);
        RecordSource source = open(file);

        source.close();

        assertThatCode(source::close).doesNotThrowAnyException();
    }

    private RecordSource open(Path file) {
        return new CsvSourceProvider().open(new SourceRequest(file, null, Map.of()), ProblemReporter.DISCARD);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static RawValue text(String value) {
        return new RawValue.Text(value);
    }
}
