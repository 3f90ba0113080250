package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.fieldtypes.DatetimeFieldType;
import io.vlmeta.fieldtypes.EnumFieldType;
import io.vlmeta.fieldtypes.FloatFieldType;
import io.vlmeta.fieldtypes.LinkFieldType;
import io.vlmeta.fieldtypes.MultiEnumFieldType;
import io.vlmeta.fieldtypes.StringFieldType;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's validation against the emulator's acceptance, through the real command line over HTTP.
 * Uploaded metadata is immutable, so a value the client accepts and the server then refuses leaves its
 * field half-filled for good. For each field type, tricky values (limits counted in UTF-16 units, code
 * points and bytes, normalisation forms, surrogates, noncharacters, number and calendar edges) are run
 * through the field type's parser; every value it accepts is uploaded and must be stored exactly as the
 * parser said it would be sent, and every value it refuses stops the run before anything is declared.
 */
class ServerAgreementTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    private static final String EMOJI = "\uD83D\uDE00";
    private static final String CAFE_NFC = "Caf\u00E9";
    private static final String CAFE_NFD = "Cafe\u0301";

    @TempDir
    Path dir;

    /** What the parser made of each candidate: the values it sends, by file, and the ones it refused. */
    private record Verdicts(Map<String, Object> sent, Map<String, RawValue> refused) {
    }

    private static Verdicts judge(FieldTypeHandler type, List<RawValue> candidates) {
        ValueParser parser = type.parser(FieldSettings.defaults());
        Map<String, Object> sent = new LinkedHashMap<>();
        Map<String, RawValue> refused = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            String file = "images/v" + i + ".jpg";
            ParseResult result = parser.parse(candidates.get(i));
            if (result instanceof ParseResult.Value value) {
                sent.put(file, value.json());
            } else if (result instanceof ParseResult.Invalid) {
                refused.put(file, candidates.get(i));
            }
        }
        return new Verdicts(sent, refused);
    }

    private static List<RawValue> texts(List<String> cells) {
        return cells.stream().map(cell -> (RawValue) new RawValue.Text(cell)).toList();
    }

    private static List<String> files(int count) {
        return IntStream.range(0, count).mapToObj(i -> "images/v" + i + ".jpg").toList();
    }

    private Path csv(String name, Map<String, RawValue> rows) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("file_fullpath", "v");
            for (Map.Entry<String, RawValue> row : rows.entrySet()) {
                printer.printRecord(row.getKey(), ((RawValue.Text) row.getValue()).value());
            }
        }
        return csv;
    }

    /** JSON Lines, every character outside printable ASCII written as a JSON escape, so lone surrogates survive. */
    private Path jsonl(String name, Map<String, RawValue> rows) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, RawValue> row : rows.entrySet()) {
            lines.append("{\"file_fullpath\": ").append(jsonString(row.getKey())).append(", \"v\": ")
                    .append(json(row.getValue())).append("}\n");
        }
        return Files.writeString(dir.resolve(name + ".jsonl"), lines, StandardCharsets.US_ASCII);
    }

    private static String json(RawValue raw) {
        if (raw instanceof RawValue.Text text) {
            return jsonString(text.value());
        }
        if (raw instanceof RawValue.Number number) {
            return number.value().toString();
        }
        if (raw instanceof RawValue.ListValue list) {
            return list.items().stream().map(ServerAgreementTest::json).reduce((a, b) -> a + ", " + b)
                    .map(items -> "[" + items + "]").orElse("[]");
        }
        throw new IllegalArgumentException(raw.toString());
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
                json.append(c);
            } else {
                json.append(String.format("\\u%04x", (int) c));
            }
        }
        return json.append('"').toString();
    }

    private CliRun upload(String dataset, Path input, List<String> files, String... flags) {
        EMULATOR.emulator().addDataset(dataset, files);
        List<String> args = new ArrayList<>(List.of("upload", "--input", input.toString(), "--dataset-id", dataset,
                "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state-" + dataset).toString(),
                "--sink-option", "poll-interval-ms=20"));
        args.addAll(List.of(flags));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    /**
     * Uploads every candidate the parser accepts and asserts the emulator stored each exactly as sent;
     * then uploads the refused ones (with one accepted value) and asserts the run stops with nothing declared.
     *
     * @param csv whether the candidates also go through a CSV file (only text without lone surrogates can)
     */
    private Verdicts assertServerAgrees(String name, FieldTypeHandler type, List<RawValue> candidates, boolean csv)
            throws IOException {
        Verdicts verdicts = judge(type, candidates);
        String flag = "--" + type.name() + "-fields";
        Map<String, RawValue> accepted = new LinkedHashMap<>();
        verdicts.sent().keySet().forEach(file -> accepted.put(file, candidates.get(index(file))));
        List<Path> inputs = new ArrayList<>(List.of(jsonl(name, accepted)));
        if (csv) {
            inputs.add(csv(name, accepted));
        }
        for (Path input : inputs) {
            String dataset = name + "-" + input.getFileName().toString().replace('.', '-');
            CliRun run = upload(dataset, input, files(candidates.size()), flag, "v");

            assertThat(run.exitCode()).as(run.both()).isZero();
            Map<String, Object> stored = new LinkedHashMap<>();
            verdicts.sent().keySet().forEach(file -> stored.put(file,
                    EMULATOR.emulator().values(dataset, "v").get(EMULATOR.emulator().mediaId(dataset, file))));
            assertThat(stored).as(input.getFileName().toString()).isEqualTo(verdicts.sent());
        }
        if (!verdicts.refused().isEmpty()) {
            Map<String, RawValue> refusedRows = new LinkedHashMap<>(verdicts.refused());
            verdicts.sent().keySet().stream().findFirst().ifPresent(file -> refusedRows.put(file, accepted.get(file)));
            String dataset = name + "-refused";
            CliRun run = upload(dataset, jsonl(name + "-refused", refusedRows), files(candidates.size()), flag, "v");

            assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
            assertThat(run.out()).contains("Validation failed: " + verdicts.refused().size() + " errors in ")
                    .endsWith("Validation failed: nothing was uploaded. Fix the rows above and run again.\n");
            assertThat(EMULATOR.emulator().schema(dataset)).isEmpty();
        }
        return verdicts;
    }

    private static int index(String file) {
        return Integer.parseInt(file.substring("images/v".length(), file.length() - ".jpg".length()));
    }

    @Test
    void everyStringTheClientAcceptsIsStoredExactlyAsSent() throws IOException {
        List<String> cells = List.of("x".repeat(255), "x".repeat(256), EMOJI.repeat(255), EMOJI.repeat(256),
                "e\u0301".repeat(127) + "x", "e\u0301".repeat(128), "\u00E9".repeat(255), "\uFFFE\uFFFF",
                "\uDBFF\uDFFF", "\uFEFFbom", "\u00A0nbsp\u00A0", "a\u2028b", "line\nbreak", "crlf\r\nend", "tab\there",
                "\"quoted\" and \\ backslash", "\u200Bzero width", "\u0000nul", "del\u007F", "c1\u0085", "\uE000private",
                "\u3042".repeat(255), "\uD834\uDD1E".repeat(255));
        Verdicts verdicts = assertServerAgrees("strings", new StringFieldType(), texts(cells), true);

        assertThat(verdicts.refused()).hasSize(6);
    }

    @Test
    void everyFloatTheClientAcceptsIsStoredExactlyAsSent() throws IOException {
        List<String> cells = List.of("95.5", "-0", "-0.0", "+1", "00042", ".5", "5.", "-.5", "1E5", "1e+5", "1e-5",
                "4.9e-324", "2.4703282292062328e-324", "1.7976931348623157e308", "1e308", "1" + "0".repeat(308),
                "0.1000000000000000055511151231257827", "9".repeat(300), "0e-400", "0.0000000000",
                "1e-400", "-2.4703282292062327e-324", "1e-324", "0." + "1".repeat(1100), "1." + "0".repeat(998) + "1",
                "-1." + "0".repeat(998) + "1", "1." + "0".repeat(995) + "1E-300", "1." + "0".repeat(996) + "1E-300",
                "1e309", "-1e309", "1.7976931348623159e308", "NaN", "Infinity", "-inf", "0x1p3", "1_000",
                "\u0661\u0662\u0663", "1e2147483648", "1,5", "", "  42  ");
        List<RawValue> candidates = new ArrayList<>(texts(cells));
        candidates.add(new RawValue.Number(new BigDecimal("0.1")));
        candidates.add(new RawValue.Number(new BigDecimal("123456789012345678.0123456789")));
        candidates.add(RawValue.Number.ofDouble(Double.MIN_VALUE));
        candidates.add(RawValue.Number.ofDouble(-Double.MAX_VALUE));
        assertServerAgrees("floats", new FloatFieldType(), candidates, false);
    }

    @Test
    void everyDatetimeTheClientAcceptsIsStoredExactlyAsSent() throws IOException {
        List<String> cells = List.of("2024-01-15T10:30:00Z", "2024-01-15", "2024-01-15 10:30", "2024-01-15t10:30:00z",
                "0001-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "9999-12-31T23:59:59-01:00", "10000-01-01", "-0001-01-01", "2016-12-31T23:59:60Z",
                "2024-01-15T24:00:00", "2024-01-15T10:30:00+14:00", "2024-01-15T10:30:00-12:00",
                "2024-01-15T10:30:00+15:00", "2024-01-15T10:30:00+18:00", "2024-01-15T10:30:00+18:01",
                "2024-01-15T10:30:00.1234567891234Z", "2024-02-29", "2023-02-29", "1969-12-31T23:59:59.999Z",
                "2024-01-15T10:30:00\u200B", "\u0662\u0660\u0662\u0664-01-15");
        assertServerAgrees("datetimes", new DatetimeFieldType(), texts(cells), true);
    }

    @Test
    void everyEnumOptionTheClientAcceptsIsDeclaredAndStoredExactlyAsSent() throws IOException {
        List<String> cells = List.of("a".repeat(20), "a".repeat(21), "\u00E9".repeat(20), "e\u0301".repeat(20),
                "e\u0301".repeat(21), CAFE_NFC, CAFE_NFD, "\u212B", "\u00C5", EMOJI.repeat(20), EMOJI.repeat(21),
                "\u0958".repeat(10), "\u0958".repeat(11), "\uFFFF", "\uFEFF", "\u00A0", "\uFB01", "x\u0000",
                "  padded  ", "1,5", "[\"not a list\"]");
        Verdicts verdicts = assertServerAgrees("enums", new EnumFieldType(), texts(cells), true);

        assertThat(verdicts.sent().get("images/v7.jpg")).isEqualTo("\u00C5");
        assertThat(verdicts.sent().get("images/v6.jpg")).isEqualTo(CAFE_NFC);
    }

    @Test
    void everyMultiEnumListTheClientAcceptsIsDeclaredAndStoredExactlyAsSent() throws IOException {
        List<String> cells = List.of("a, b", "[]", "[\"\"]", "[\"a\", null]", "[1, \"a\"]", "a,,b", "[\"a\",\"a\"]",
                CAFE_NFC + ", " + CAFE_NFD, "[\"" + CAFE_NFD + "\"]", "[\"\\u0000\"]", "x".repeat(21) + ", y",
                "[\"" + EMOJI.repeat(20) + "\"]", "[\"tab\\there\"]", "[\"a\"", "\uFFFF, \uFEFF", "[\"\\u00e9\"]");
        List<RawValue> candidates = new ArrayList<>(texts(cells));
        candidates.add(new RawValue.ListValue(List.of(new RawValue.Text("a"), new RawValue.Number(new BigDecimal("1.50")))));
        candidates.add(new RawValue.ListValue(List.of()));
        candidates.add(new RawValue.ListValue(List.of(new RawValue.Text(" "), new RawValue.Text("true"))));
        assertServerAgrees("multi", new MultiEnumFieldType(), candidates, false);
    }

    @Test
    void everyLinkTheClientAcceptsIsStoredExactlyAsSent() throws IOException {
        List<String> cells = List.of("http://example.com", "HTTPS://EXAMPLE.COM/A", "https://example.com/stra\u00DFe",
                "https://example.com/" + EMOJI, "https://example.com/\uFFFF", "https://[::1]/", "https://example.com:/",
                "https://example.com:99999/", "http://1.2.3.4/", "http://example.com/%41", "https://example.com/a|b",
                "https://b\u00FCcher.example/", "https://example.com/%zz", "http://a_b.example/", "https://example.com/\uFEFF",
                "https://example.com/" + "a".repeat(8000), "https://example.com/?q=" + "\u00E9".repeat(3000),
                "https://example.com/\u00A0", "https://example.com/#a#b", "ftp://example.com/");
        assertServerAgrees("links", new LinkFieldType(), texts(cells), true);
    }

    @Test
    void textWithUnpairedSurrogatesIsRefusedByEveryTextTypeBeforeAnythingIsSent() throws IOException {
        // JSON escapes carry unpaired surrogates (UTF-8 cannot); they are no Unicode text a server can store
        List<String> cells = List.of("a\uD800b", "\uDC00x", "end\uD83D", EMOJI + "\uDE00", "ok");
        assertServerAgrees("lone-strings", new StringFieldType(), texts(cells), false);
        assertServerAgrees("lone-enums", new EnumFieldType(), texts(cells), false);
        assertServerAgrees("lone-multi", new MultiEnumFieldType(), texts(List.of("a, b\uD800", "[\"\\ud800\"]",
                "[\"x\", \"\\udc00y\"]", "ok")), false);
        assertServerAgrees("lone-links", new LinkFieldType(), texts(List.of("https://example.com/\uD800",
                "https://example.com/?q=\uDFFF", "https://example.com/ok")), false);
    }

    /** 600 options: {@code o000} to {@code o598} and {@code Café}, which rows also write decomposed (NFD). */
    private static Map<String, RawValue> sixHundredOptions(int extra) {
        Map<String, RawValue> rows = new LinkedHashMap<>();
        for (int i = 0; i < 599 + extra; i++) {
            rows.put("images/v" + i + ".jpg", new RawValue.Text(String.format("o%03d", i)));
        }
        rows.put("images/v" + (599 + extra) + ".jpg", new RawValue.Text(CAFE_NFC));
        rows.put("images/v" + (600 + extra) + ".jpg", new RawValue.Text(CAFE_NFD));
        return rows;
    }

    @Test
    void anEnumColumnOfExactlySixHundredOptionsAfterNfcIsDeclaredAndOneMoreIsRefusedBeforeAnythingIsSent()
            throws IOException {
        CliRun limit = upload("six-hundred", csv("six-hundred", sixHundredOptions(0)), files(602), "--enum-fields", "v");
        CliRun over = upload("six-hundred-one", csv("six-hundred-one", sixHundredOptions(1)), files(602),
                "--enum-fields", "v");

        assertThat(limit.exitCode()).as(limit.both()).isZero();
        assertThat((List<?>) EMULATOR.emulator().schema("six-hundred").get(0).get("enum_options")).hasSize(600);
        assertThat(EMULATOR.emulator().values("six-hundred", "v").get(EMULATOR.emulator().mediaId("six-hundred",
                "images/v600.jpg"))).isEqualTo(CAFE_NFC);
        assertThat(over.exitCode()).as(over.both()).isEqualTo(3);
        assertThat(over.out()).contains("Field 'v' (enum): Has 601 unique values, exceeds limit of 600");
        assertThat(EMULATOR.emulator().schema("six-hundred-one")).isEmpty();
    }

    @Test
    void aMultiEnumColumnOfSixHundredOptionsAcrossItsListsIsDeclaredAndOneMoreIsRefused() throws IOException {
        Map<String, RawValue> rows = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            rows.put("images/v" + i + ".jpg", new RawValue.Text(String.format("a%03d, b%03d", i, i)));
        }
        Map<String, RawValue> more = new LinkedHashMap<>(rows);
        more.put("images/v300.jpg", new RawValue.Text("a000, \"c\""));

        CliRun limit = upload("lists-600", csv("lists-600", rows), files(301), "--multi-enum-fields", "v");
        CliRun over = upload("lists-601", csv("lists-601", more), files(301), "--multi-enum-fields", "v");

        assertThat(limit.exitCode()).as(limit.both()).isZero();
        assertThat((List<?>) EMULATOR.emulator().schema("lists-600").get(0).get("enum_options")).hasSize(600);
        assertThat(over.exitCode()).as(over.both()).isEqualTo(3);
        assertThat(over.out()).contains("Field 'v' (multi-enum): Has 601 unique values, exceeds limit of 600");
        assertThat(EMULATOR.emulator().schema("lists-601")).isEmpty();
    }

    @Test
    void inferenceTypesAColumnOnlyAsATypeWhoseParserTakesEveryValueSoNothingTheServerRefusesIsSent()
            throws IOException {
        Path csv = Files.writeString(dir.resolve("infer.csv"), "file_fullpath,tiny,year,digits\n"
                + "images/v0.jpg,1e-400,0000-01-01T00:00:00Z,0." + "1".repeat(1001) + "\n"
                + "images/v1.jpg,2.5,2024-01-15,0.5\n", StandardCharsets.UTF_8);

        CliRun run = upload("infer", csv, files(2), "--infer", "--truncate-strings");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   tiny: string (inferred: ").contains("   year: string (inferred: ")
                .contains("   digits: string (inferred: ");
        assertThat(EMULATOR.emulator().values("infer", "tiny").get(EMULATOR.emulator().mediaId("infer", "images/v0.jpg")))
                .isEqualTo("1e-400");
        assertThat(EMULATOR.emulator().values("infer", "year").get(EMULATOR.emulator().mediaId("infer", "images/v0.jpg")))
                .isEqualTo("0000-01-01T00:00:00Z");
    }

    @Test
    void aNumberCellWithAHugeExponentIsRefusedForAFloatAndSentInENotationForAString() throws IOException {
        // in plain digits 1e999999999 is a gigabyte of zeros: the run ran out of memory writing its message
        Path input = Files.writeString(dir.resolve("huge.jsonl"),
                "{\"file_fullpath\": \"images/v0.jpg\", \"score\": 1e999999999, \"note\": -1e-999999999}\n"
                        + "{\"file_fullpath\": \"images/v1.jpg\", \"score\": 2.5, \"note\": 1e999999999}\n",
                StandardCharsets.UTF_8);

        CliRun refused = upload("huge-float", input, files(2), "--float-fields", "score");
        CliRun strings = upload("huge-string", input, files(2), "--string-fields", "note");

        assertThat(refused.exitCode()).as(refused.both()).isEqualTo(3);
        assertThat(refused.out()).contains("Row 1, field 'score': Invalid float value '1E+999999999'. Must be a finite"
                + " number.");
        assertThat(EMULATOR.emulator().schema("huge-float")).isEmpty();
        assertThat(strings.exitCode()).as(strings.both()).isZero();
        assertThat(EMULATOR.emulator().values("huge-string", "note")).containsValues("-1E-999999999", "1E+999999999");
    }

    /** Characters that each count differently in UTF-16 units, code points, UTF-8 bytes or NFC, or are refused. */
    private static final String[] PIECES = {"a", "Z", " ", ",", "\"", "\\", "\u00E9", "e\u0301", "\u0958", "\u212B",
        EMOJI, "\uD83D", "\uDE00", "\uFFFE", "\uFFFF", "\uFEFF", "\u00A0", "\u200B", "\u2028", "\t", "\n", "\u0000",
        "\u0085", "\u3042", "\uD834\uDD1E", "%", "|"};

    /** @param oneIn one piece in so many, on average, is one of {@link #PIECES}; the others are plain letters */
    private static String randomText(Random random, int pieces, int oneIn) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(oneIn) == 0 ? PIECES[random.nextInt(PIECES.length)] : "x");
        }
        return text.toString();
    }

    @Test
    void randomTextRoundTheLimitsIsStoredExactlyAsSentOrRefusedBeforeAnythingIsSent() throws IOException {
        Random random = new Random(20261201);
        List<String> strings = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<String> lists = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            strings.add(randomText(random, 245 + random.nextInt(20), 40));
            options.add(randomText(random, 16 + random.nextInt(8), 4));
            lists.add(randomText(random, 4 + random.nextInt(20), 4));
            links.add("https://example.com/" + randomText(random, random.nextInt(30), 6));
        }

        Verdicts stringVerdicts = assertServerAgrees("random-strings", new StringFieldType(), texts(strings), false);
        Verdicts optionVerdicts = assertServerAgrees("random-enums", new EnumFieldType(), texts(options), false);
        assertServerAgrees("random-lists", new MultiEnumFieldType(), texts(lists), false);
        Verdicts linkVerdicts = assertServerAgrees("random-links", new LinkFieldType(), texts(links), false);

        // the seed gives both outcomes for each type
        for (Verdicts verdicts : List.of(stringVerdicts, optionVerdicts, linkVerdicts)) {
            assertThat(verdicts.sent()).isNotEmpty();
            assertThat(verdicts.refused()).isNotEmpty();
        }
    }
}
