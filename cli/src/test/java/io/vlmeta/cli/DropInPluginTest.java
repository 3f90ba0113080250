package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin the project does not contain, compiled and packed at test time, dropped into a plugins
 * folder and used by the real command line with no rebuild: a JSON Lines source and an integer
 * field type whose provider gets the host's clock through an injected constructor.
 */
class DropInPluginTest {
    private static final String JAR = "vlmeta-extras-1.0.jar";

    @TempDir
    static Path dir;

    private static Path plugins;

    @BeforeAll
    static void buildThePlugin() throws IOException {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("com.example.vlmeta.extras.JsonLinesSourceProvider", resource("JsonLinesSourceProvider.java.txt"));
        sources.put("com.example.vlmeta.extras.IntegerFieldType", resource("IntegerFieldType.java.txt"));
        PluginJar.build(sources, Map.of(
                "io.vlmeta.api.SourceProvider", "com.example.vlmeta.extras.JsonLinesSourceProvider",
                "io.vlmeta.api.FieldTypeHandler", "com.example.vlmeta.extras.IntegerFieldType"),
                plugins.resolve(JAR));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DropInPluginTest.class.getResourceAsStream("/drop-in-plugin/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path jsonLines(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), java.util.List.of(lines), StandardCharsets.UTF_8);
    }

    private static JsonNode named(JsonNode fields, String name) {
        for (JsonNode field : fields) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name + " in " + fields);
    }

    @Test
    void pluginsListsThemWithTheirJar() {
        CliRun run = CliRun.of(Map.of(), dir, "plugins", "--plugins-dir", plugins.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).containsPattern("(?m)^source +flat-jsonl +" + JAR.replace(".", "\\.")
                        + " +JSON Lines: one flat JSON object per line$")
                .containsPattern("(?m)^field-type +integer +" + JAR.replace(".", "\\.")
                        + " +Whole numbers, sent as floats \\(injected clock in Z\\)$");
    }

    @Test
    void aDryRunReadsThePluginsSourceAndSendsThePluginsValues() throws IOException {
        Path input = jsonLines("counts.flat.jsonl",
                "{\"file_fullpath\": \"images/a.jpg\", \"count\": 7, \"label\": \"cat\"}",
                "{\"file_fullpath\": \"images/b.jpg\", \"count\": \"12\", \"label\": \"dog\"}",
                "{\"file_fullpath\": \"images/c.jpg\", \"count\": -3, \"label\": \"cat\"}");
        Path report = dir.resolve("plugin-report.html");

        CliRun run = CliRun.of(Map.of(), dir, "upload", "--dry-run", "--input", input.toString(), "--field-type",
                "count=integer", "--enum-fields", "label", "--plugins-dir", plugins.toString(), "--report",
                report.toString(), "--json");

        assertThat(run.exitCode()).as(run.both()).isZero();
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.get("source").asText()).isEqualTo("flat-jsonl");
        JsonNode countSummary = named(summary.get("fields"), "count");
        assertThat(countSummary.get("type").asText()).isEqualTo("integer");
        assertThat(countSummary.get("values").asLong()).isEqualTo(3);
        JsonNode count = named(new ObjectMapper().readTree(dir.resolve("plugin-report.json").toFile()).get("fields"),
                "count");
        assertThat(count.get("declaration").toString()).isEqualTo("{\"field_name\":\"count\",\"field_type\":\"float\"}");
        assertThat(count.get("first_entries").findValuesAsText("value")).containsExactly("7", "12", "-3");
        assertThat(count.get("statistics").get("kind").asText()).isEqualTo("histogram");
    }

    @Test
    void thePluginsRefusalsStopTheJobLikeAnyOther() throws IOException {
        Path input = jsonLines("bad-counts.flat.jsonl",
                "{\"file_fullpath\": \"images/a.jpg\", \"count\": 7}",
                "{\"file_fullpath\": \"images/b.jpg\", \"count\": 7.5}");

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--input", input.toString(), "--field-type",
                "count=integer", "--plugins-dir", plugins.toString(), "--report", dir.resolve("bad.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(3);
        assertThat(run.out()).contains("Validation Errors (1 total):\n"
                + "  - Row 2, field 'count': Invalid integer value '7.5'. Must be a whole number.\n");
    }
}
