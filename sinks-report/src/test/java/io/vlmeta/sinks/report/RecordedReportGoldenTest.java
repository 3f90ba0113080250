package io.vlmeta.sinks.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.Location;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.Sink;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report (JSON and HTML) of a fixed, seeded list of entries, with many tricky values, is byte
 * for byte the one in {@code src/test/resources/golden/}, which the recording code of commit
 * 0f1c6a3 wrote (see the README there): faster recording must not change a report.
 */
class RecordedReportGoldenTest {
    /** Set to a folder to write the golden files there instead of comparing. */
    private static final String WRITE_TO = System.getProperty("vlmeta.golden.write");
    private static final int ROWS = 6_000;

    @TempDir
    Path dir;

    @Test
    void writesTheSameReportAsTheGoldenOneForAFixedEntryList() throws IOException {
        Path html = dir.resolve("golden-report.html");
        DryRunFixture fixture = new DryRunFixture();
        try (Sink sink = DryRunFixture.open(fixture.validationRequest(html))) {
            run(sink, false);
        }
        byte[] json = Files.readAllBytes(dir.resolve("golden-report.json"));
        byte[] page = Files.readAllBytes(html);
        if (WRITE_TO != null) {
            Files.write(Path.of(WRITE_TO, "golden-report.json"), json);
            Files.write(Path.of(WRITE_TO, "golden-report.html"), page);
            return;
        }
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(golden("golden-report.json"));
        assertThat(new String(page, StandardCharsets.UTF_8)).isEqualTo(golden("golden-report.html"));
    }

    /**
     * A validation that reads its input once opens each field before its enum options are known and
     * writes every entry before any field is confirmed; one more field opened early is never confirmed,
     * as when it has no values to send. The report is still the golden one.
     */
    @Test
    void writesTheGoldenReportWhenEveryEntryArrivesBeforeItsFieldsDeclaration() throws IOException {
        Path html = dir.resolve("golden-report.html");
        try (Sink sink = DryRunFixture.open(new DryRunFixture().validationRequest(html))) {
            run(sink, true);
        }

        assertThat(Files.readString(dir.resolve("golden-report.json"))).isEqualTo(golden("golden-report.json"));
        assertThat(Files.readString(html)).isEqualTo(golden("golden-report.html"));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = RecordedReportGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<FieldDeclaration> declarations() {
        return List.of(
                FieldDeclaration.simple("caption", "string", "string"),
                FieldDeclaration.simple("confidence", "float", "float"),
                FieldDeclaration.simple("captured_at", "datetime", "datetime"),
                FieldDeclaration.simple("recent", "datetime", "datetime"),
                FieldDeclaration.simple("decade", "datetime", "datetime"),
                FieldDeclaration.simple("decades", "datetime", "datetime"),
                FieldDeclaration.simple("centuries", "datetime", "datetime"),
                new FieldDeclaration("weather", "enum", "enum", false, List.of("Rain", "Snow", "Sunny", "Fog")),
                new FieldDeclaration("tags", "multi-enum", "enum", true, List.of("a", "b", "c", "d")),
                FieldDeclaration.simple("source_url", "link", "link"),
                FieldDeclaration.simple("many_hosts", "link", "link"));
    }

    /**
     * Drives the sink as the engine does.
     *
     * @param early true to write every field's entries before any declaration is final, as a one-pass
     *              validation does; false to declare each field, then write its entries
     */
    private static void run(Sink sink, boolean early) {
        Map<String, FieldCounts> counts = new HashMap<>();
        List<FieldPlan> plan = new ArrayList<>();
        List<FieldOutcome> outcomes = new ArrayList<>();
        Map<String, FieldWriter> earlyWriters = new HashMap<>();
        if (early) {
            for (FieldDeclaration declaration : declarations()) {
                FieldWriter writer = sink.openFieldEarly(new FieldDeclaration(declaration.fieldName(),
                        declaration.handler(), declaration.serverType(), declaration.multi(), List.of()));
                write(declaration, writer);
                earlyWriters.put(declaration.fieldName(), writer);
            }
            write(FieldDeclaration.simple("never_confirmed", "string", "string"),
                    sink.openFieldEarly(FieldDeclaration.simple("never_confirmed", "string", "string")));
        }
        for (FieldDeclaration declaration : declarations()) {
            FieldWriter writer = sink.openField(declaration);
            if (early) {
                assertThat(writer).isSameAs(earlyWriters.get(declaration.fieldName()));
            } else {
                write(declaration, writer);
            }
            outcomes.add(writer.finish());
            counts.put(declaration.fieldName(), new FieldCounts(ROWS, 0, 0, 0));
            plan.add(new FieldPlan(declaration.fieldName(), declaration.handler(),
                    "--" + declaration.handler() + "-fields", declaration));
        }
        sink.complete(new RunSummary(DryRunFixture.FILE, "csv", "export of dataset ds-123", true, plan, counts, ROWS,
                0, 0, List.of(), true, outcomes));
    }

    private static void write(FieldDeclaration declaration, FieldWriter writer) {
        Random random = new Random(declaration.fieldName().hashCode());
        for (int row = 0; row < ROWS; row++) {
            writer.write(new Entry(DryRunFixture.mediaId(row), value(declaration.fieldName(), row, random),
                    "images/img" + row + ".jpg", Location.of(DryRunFixture.FILE, row + 2)));
        }
    }

    private static Object value(String field, int row, Random random) {
        return switch (field) {
            case "caption" -> row % 7 == 0 ? "Ünïcödé 📷 " + row : "Photo " + "x".repeat(random.nextInt(40));
            case "confidence" -> new BigDecimal(random.nextInt(20_000) - 5_000).movePointLeft(random.nextInt(6));
            case "captured_at" -> row % 50 == 0 ? TrickyValues.DATETIMES.get(row / 50 % TrickyValues.DATETIMES.size())
                    : instant(random, 1_577_836_800L, 4L * 365 * 86_400);
            case "recent" -> instant(random, 1_700_000_000L, 60L * 86_400);
            case "decade" -> instant(random, 1_400_000_000L, 9L * 365 * 86_400);
            case "decades" -> instant(random, -1_000_000_000L, 3_000_000_000L);
            case "centuries" -> instant(random, -62_000_000_000L, 300_000_000_000L);
            case "weather" -> List.of("Rain", "Snow", "Sunny", "Fog").get(random.nextInt(4));
            case "tags" -> List.of("a", "b", "c", "d").subList(random.nextInt(2), 2 + random.nextInt(3));
            case "source_url" -> row % 3 == 0 ? TrickyValues.LINKS.get(row / 3 % TrickyValues.LINKS.size())
                    : "https://storage.example.com/captures/" + row + ".jpg?rev=1";
            case "many_hosts" -> "https://h" + random.nextInt(12_000) + ".Example.com:8443/x";
            case "never_confirmed" -> "left out " + row;
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String instant(Random random, long from, long span) {
        return Instant.ofEpochSecond(from + (long) (random.nextDouble() * span)).toString();
    }
}
