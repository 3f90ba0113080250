package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export CSV split at its commas ({@link QuoteFreeRecords}, handing over to Commons CSV at the first
 * quote) gives every item, and every refusal with its message, exactly as Commons CSV's
 * {@code CSVFormat.DEFAULT} reading the whole file does: checked on thousands of random exports with
 * quotes, commas and line breaks inside quotes, broken quoting, empty and blank lines, short rows, a
 * byte order mark, non-ASCII names, bytes that are not UTF-8 and every kind of line end.
 */
class ExportCsvSplitTest {
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};
    private static final String[] NAMES = {"images/a.jpg", "b c.png", "\u00e9t\u00e9/\u00e7a.jpg", "x", " ",
            "", "dir/sub/img 1.jpeg", "\u65e5\u672c/\u753b\u50cf.jpg"};

    @TempDir
    Path dir;

    /** What one reading gave: the items in order, then the refusal's message, if any. */
    private record Outcome(List<String> items, String refusal) {
    }

    private Outcome split(Path file) {
        List<String> items = new ArrayList<>();
        try {
            ExportReader.read(file, "e.csv", (path, id) -> items.add(path + " -> " + id));
            return new Outcome(items, null);
        } catch (VlmetaException e) {
            return new Outcome(items, e.code().name() + ": " + e.getMessage());
        }
    }

    /** Writes the export; @return the split reading of it, once checked to be Commons CSV's reading */
    private Outcome readAsCommonsCsvDoes(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Outcome split = split(file);
        assertThat(split).as(text).isEqualTo(commons(file));
        return split;
    }

    /** The reference: Commons CSV over the whole file, refusals worded as {@link ExportReader#read} words them. */
    private Outcome commons(Path file) {
        List<String> items = new ArrayList<>();
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            ExportReader.readCsvWithCommons(reader, "e.csv", (path, id) -> items.add(path + " -> " + id));
            return new Outcome(items, null);
        } catch (VlmetaException e) {
            return new Outcome(items, e.code().name() + ": " + e.getMessage());
        } catch (IOException e) {
            return refused(items, ExportReader.readFailure(file, "e.csv", e));
        } catch (UncheckedIOException e) {
            return refused(items, ExportReader.readFailure(file, "e.csv", e.getCause()));
        }
    }

    private static Outcome refused(List<String> items, VlmetaException refusal) {
        return new Outcome(items, refusal.code().name() + ": " + refusal.getMessage());
    }

    @Test
    void splitsQuoteFreeRecordsExactlyAsCommonsCsvReadsThem() throws IOException {
        Outcome split = readAsCommonsCsvDoes("e.csv", "media_id,media_type,filename\r\n\r\nid-1,image,images/a.jpg"
                + "\r\n \r\nid-2,image,b c.png\rid-3,video,\u00e9t\u00e9/\u00e7a.jpg");

        assertThat(split.items()).containsExactly("images/a.jpg -> id-1", "b c.png -> id-2",
                "\u00e9t\u00e9/\u00e7a.jpg -> id-3");
    }

    @Test
    void handsTheRestToCommonsCsvFromTheFirstQuoteWithTheRowsAndLinesOfTheWholeFile() throws IOException {
        Path file = dir.resolve("e.csv");
        Files.writeString(file, "filename,media_id\n\na.jpg,id-1\n\"b,\nc.jpg\",id-2\nd.jpg,id-3\n,id-4\n");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "filename,media_id\na.jpg,id-1\n\nb.jpg,id-2\n\"c\"x.jpg,id-3\n");

        Outcome split = split(file);
        Outcome brokenSplit = split(broken);

        assertThat(split.items()).containsExactly("a.jpg -> id-1", "b,\nc.jpg -> id-2", "d.jpg -> id-3");
        assertThat(split.refusal()).isEqualTo("INPUT_MALFORMED: The export e.csv, row 5: the file name is empty.");
        assertThat(split).isEqualTo(commons(file));
        assertThat(brokenSplit.refusal()).isEqualTo("INPUT_MALFORMED: The export e.csv is not valid CSV: on line 5 "
                + "a quoted value is followed by other text before the next comma; inside a quoted value, a quote is "
                + "written as two (\"\"). Give the export as Visual Layer wrote it (RFC 4180 CSV with 'filename' and "
                + "'media_id').");
        assertThat(brokenSplit).isEqualTo(commons(broken));
    }

    @Test
    void namesTheLineOfAnUnclosedQuoteAsPlainDigitsWhateverTheLocaleGroupsThemBy() throws IOException {
        StringBuilder text = new StringBuilder("filename,media_id\n");
        for (int row = 2; row < 1234; row++) {
            text.append("a").append(row).append(".jpg,id-").append(row).append('\n');
        }
        Path file = dir.resolve("e.csv");
        Files.writeString(file, text.append("\"b.jpg,id-x\n"));
        java.util.Locale before = java.util.Locale.getDefault();
        for (java.util.Locale locale : List.of(java.util.Locale.US, java.util.Locale.GERMANY)) {
            java.util.Locale.setDefault(locale); // Commons CSV groups the line number in the default locale
            try {
                assertThat(split(file).refusal()).as(locale.toString()).isEqualTo("INPUT_MALFORMED: The export "
                        + "e.csv is not valid CSV: a quoted value starts on line 1234 and is never closed: its closing "
                        + "quote (\") is missing. Give the export as Visual Layer wrote it (RFC 4180 CSV with "
                        + "'filename' and 'media_id').");
            } finally {
                java.util.Locale.setDefault(before);
            }
        }
    }

    @Test
    void readsThousandsOfRandomExportsAsCommonsCsvDoes() throws IOException {
        Random random = new Random(20261202L);
        Path file = dir.resolve("e.csv");
        int quoted = 0;
        int refused = 0;
        int notUtf8 = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] bytes = randomExport(random);
            Files.write(file, bytes);

            Outcome split = split(file);
            Outcome reference = commons(file);

            assertThat(split).as("export %d: %s", i, new String(bytes, StandardCharsets.UTF_8)).isEqualTo(reference);
            quoted += new String(bytes, StandardCharsets.UTF_8).indexOf('"') >= 0 ? 1 : 0;
            refused += split.refusal() != null ? 1 : 0;
            notUtf8 += split.refusal() != null && split.refusal().contains("not UTF-8") ? 1 : 0;
        }
        // the cases above were all met, many times
        assertThat(quoted).isGreaterThan(500);
        assertThat(refused).isBetween(300, 2_700);
        assertThat(notUtf8).isGreaterThan(20);
    }

    @Test
    void readsAnExportPandasWroteWithItsIndexAsAColumnWithoutAName() throws IOException {
        // DataFrame.to_csv() writes the index first, under an empty name; a trailing comma is one more
        Outcome plain = readAsCommonsCsvDoes("e.csv", ",filename,media_id,\n0,images/a.jpg,id-1,\n1,images/b.jpg,id-2,\n");
        Outcome quoted = readAsCommonsCsvDoes("q.csv", "\"\",\"filename\",\"media_id\"\n0,\"images/a,1.jpg\",id-1\n");

        assertThat(plain.items()).containsExactly("images/a.jpg -> id-1", "images/b.jpg -> id-2");
        assertThat(quoted.items()).containsExactly("images/a,1.jpg -> id-1");
    }

    @Test
    void recordsLongerThanItsBufferAreSplitWhole() throws IOException {
        String longName = "d/".repeat(100_000) + "a.jpg";

        Outcome split = readAsCommonsCsvDoes("e.csv", "filename,media_id\r\n" + longName + ",id-1\r\nb.jpg,id-2\r");

        assertThat(split.items()).containsExactly(longName + " -> id-1", "b.jpg -> id-2");
    }

    private static byte[] randomExport(Random random) {
        StringBuilder text = new StringBuilder();
        String end = LINE_ENDS[random.nextInt(LINE_ENDS.length)];
        if (random.nextInt(10) == 0) {
            text.append('\uFEFF');
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            text.append(lineEnd(random, end));
        }
        text.append(switch (random.nextInt(6)) {
            case 0 -> "media_id,media_type,filename";
            case 1 -> "\"filename\",media_id";
            case 2 -> "file_path,Media_ID ,extra";
            case 3 -> "name,id";
            case 4 -> ",filename,media_id,";
            default -> "filename,media_id";
        });
        int rows = random.nextInt(12);
        for (int row = 0; row < rows; row++) {
            text.append(lineEnd(random, end));
            switch (random.nextInt(12)) {
                case 0 -> { } // an empty line
                case 1 -> text.append("  ");
                case 2 -> text.append(cell(random)); // a short row
                default -> {
                    int cells = 2 + random.nextInt(2);
                    for (int c = 0; c < cells; c++) {
                        text.append(c == 0 ? "" : ",").append(cell(random));
                    }
                }
            }
        }
        if (random.nextBoolean()) {
            text.append(lineEnd(random, end));
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(40) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // a byte that starts no valid UTF-8 sequence here
        }
        return bytes;
    }

    /** Mostly the file's own line end, sometimes another: exports concatenated from several tools. */
    private static String lineEnd(Random random, String end) {
        return random.nextInt(8) == 0 ? LINE_ENDS[random.nextInt(LINE_ENDS.length)] : end;
    }

    private static String cell(Random random) {
        String name = NAMES[random.nextInt(NAMES.length)];
        return switch (random.nextInt(14)) {
            case 0 -> "\"" + name + ",x\"";
            case 1 -> "\"" + name + "\nx\"";
            case 2 -> "\"" + name + "\"\"q\"";
            case 3 -> name + "\"";
            case 4 -> "\"" + name + "\"x";
            case 5 -> "id-" + random.nextInt(1000);
            default -> name;
        };
    }

    @Test
    void aColumnReadHereNamedTwiceIsRefusedWithItsPositionsAnotherNamedTwiceIsLetBe() throws IOException {
        Outcome plain = readAsCommonsCsvDoes("e.csv", "media_id,filename,filename\n1,a.jpg,b.jpg\n");
        Outcome quoted = readAsCommonsCsvDoes("q.csv", "\"file_name\",x,\"MEDIA_ID\", media_id \na.jpg,,1,2\n");
        Outcome unused = readAsCommonsCsvDoes("u.csv", ",note,filename,note,media_id,\n0,x,a.jpg,y,1,\n");

        assertThat(plain.refusal()).isEqualTo("INPUT_MALFORMED: The export e.csv names the column 'filename' twice "
                + "(columns 2 and 3): give each column its own name, as Visual Layer writes it.");
        assertThat(quoted.refusal()).isEqualTo("INPUT_MALFORMED: The export e.csv names the column 'media_id' twice "
                + "(columns 3 and 4): give each column its own name, as Visual Layer writes it.");
        assertThat(unused).isEqualTo(new Outcome(List.of("a.jpg -> 1"), null));
    }
}
