package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vlmeta plan --json} through the real command line: one document on standard output, however it ends. */
class PlanJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    private Path metadata() throws Exception {
        return Files.copy(Examples.METADATA, dir.resolve("metadata.csv"));
    }

    /** @return the one document on the run's standard output, asserting that it is one line and nothing else */
    private static JsonNode document(CliRun run) throws Exception {
        assertThat(run.out()).as(run.both()).hasLineCount(1);
        return JSON.readTree(run.out());
    }

    @Test
    void withoutOutputTheDocumentHoldsThePlanWhichValidateThenRuns() throws Exception {
        Path metadata = metadata();
        CliRun planned = run("plan", "--csv", metadata.toString(), "--infer", "--json");

        assertThat(planned.exitCode()).as(planned.both()).isZero();
        JsonNode json = document(planned);
        assertThat(json.get("status").asText()).isEqualTo("planned");
        assertThat(json.get("exit_code").asInt()).isZero();
        assertThat(json.get("file").isNull()).isTrue();
        assertThat(json.get("input").asText()).isEqualTo(metadata.toString());
        assertThat(json.get("source").asText()).isEqualTo("csv");
        List<String> fields = new ArrayList<>();
        json.get("fields").forEach(field -> fields.add(field.get("name").asText() + ":" + field.get("type").asText()));
        assertThat(fields).containsExactly("caption:string", "confidence:float", "captured_at:datetime",
                "weather:enum", "tags:multi-enum", "reference_url:link");
        assertThat(json.get("fields").get(1).get("reason").asText()).isEqualTo("inferred: every one of 12 values is "
                + "a number");
        assertThat(json.get("left_out").isArray()).isTrue();
        assertThat(planned.err()).contains("Plan for " + metadata + " (csv): 6 fields");

        Path kept = Files.writeString(dir.resolve("kept.yaml"), json.get("plan").asText());
        CliRun validated = run("validate", "--plan", kept.toString(), "--json");
        assertThat(validated.exitCode()).as(validated.both()).isZero();
        assertThat(JSON.readTree(validated.out()).get("fields")).hasSize(6);
    }

    @Test
    void withOutputTheDocumentNamesTheFileWrittenAndHoldsWhatItHolds() throws Exception {
        Path plan = dir.resolve("plans/plan.yaml");
        Files.createDirectories(plan.getParent());

        CliRun planned = run("plan", "--csv", metadata().toString(), "--infer", "--json", "-o",
                plan.toString());

        assertThat(planned.exitCode()).as(planned.both()).isZero();
        JsonNode json = document(planned);
        assertThat(json.get("file").asText()).isEqualTo(plan.toAbsolutePath().normalize().toString());
        assertThat(json.get("plan").asText()).isEqualTo(Files.readString(plan, StandardCharsets.UTF_8));
        assertThat(planned.err()).contains("Plan written: " + plan);
    }

    @Test
    void aRefusalUnderJsonIsTheErrorDocumentWithTheRefusalsExitCode() throws Exception {
        String csv = metadata().toString();
        Map<List<String>, Integer> refused = new java.util.LinkedHashMap<>();
        refused.put(List.of("--csv", csv, "--jsno"), 2); // the parser's
        refused.put(List.of("--csv"), 2); // a value left out
        refused.put(List.of("--csv", "-"), 2); // standard input cannot be planned
        refused.put(List.of("--csv", dir.resolve("missing.csv").toString()), 1); // an input that cannot be read
        refused.put(List.of("--csv", csv, "--infer", "-o", dir.toString()), 2); // a folder as the plan's file
        refused.put(List.of("--csv", csv, "--infer", "--base-url", "ftp://vl.example"), 2); // a URL no request uses
        for (Map.Entry<List<String>, Integer> args : refused.entrySet()) {
            List<String> line = new ArrayList<>(List.of("plan", "--json"));
            line.addAll(args.getKey());
            CliRun run = run(line.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.both()).isEqualTo(args.getValue());
            JsonNode json = document(run);
            assertThat(json.get("status").asText()).isEqualTo("error");
            assertThat(json.get("exit_code").asInt()).isEqualTo(args.getValue());
            String firstLine = run.err().lines().findFirst().orElseThrow();
            assertThat("Error: " + json.get("error").asText()).as(run.both()).isEqualTo(firstLine);
        }
    }

    @Test
    void plansHelpOffersJsonAndAnotherCommandNamesPlanAmongThoseTakingIt() {
        assertThat(run("plan", "--help").out()).contains("--json").contains("the plan's YAML as text");
        assertThat(run("plugins", "--json").err()).startsWith("Error: Unknown option: '--json' (upload, validate, "
                + "export and plan take it, not plugins)");
    }
}
