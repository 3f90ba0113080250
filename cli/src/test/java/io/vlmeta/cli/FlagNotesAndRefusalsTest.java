package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base URL no request could use is refused before any line saying what a flag does (that validate ignores
 * it, that it overrides the plan's), so no such line is contradicted by the refusal after it; under
 * {@code --json} the refusal is the one document on standard output. Nothing listens at the URLs below.
 */
class FlagNotesAndRefusalsTest {
    private static final String UNUSABLE = "http://127.0.0.1:70000";
    private static final String PLANNED = "http://127.0.0.1:9";
    private static final String REFUSAL = "The base URL '" + UNUSABLE + "': its port 70000 is outside 1 to 65535";

    @TempDir
    Path dir;

    private Path plan;

    @BeforeEach
    void plan() {
        plan = dir.resolve("plan.yaml");
        CliRun written = run("plan", "--csv", Examples.METADATA.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", PLANNED, "-o", plan.toString());
        assertThat(written.exitCode()).as(written.both()).isZero();
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    private static void assertOnlyRefused(CliRun run) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).as(run.both()).startsWith("Error: " + REFUSAL).hasLineCount(1);
    }

    @Test
    void validateAskedForJsonWritesItsRefusalOfABaseUrlAsTheOneDocumentOnStandardOutput() throws IOException {
        CliRun flag = run("validate", "--json", "--csv", Examples.METADATA.toString(), "--infer", "--base-url",
                UNUSABLE);
        Files.writeString(plan, Files.readString(plan).replace(PLANNED, UNUSABLE));
        CliRun planned = run("validate", "--json", "--plan", plan.toString());

        for (CliRun run : new CliRun[] {flag, planned}) {
            assertOnlyRefused(run);
            JsonNode document = new ObjectMapper().readTree(run.out());
            assertThat(document.get("status").asText()).isEqualTo("error");
            assertThat(document.get("exit_code").asInt()).isEqualTo(2);
            assertThat(document.get("error").asText()).startsWith(REFUSAL);
            assertThat(run.out().lines()).hasSize(1);
        }
    }

    @Test
    void validateDoesNotSayAFlagIsIgnoredOrOverridesThePlanBeforeRefusingThePlansBaseUrl() throws IOException {
        Files.writeString(plan, Files.readString(plan).replace(PLANNED, UNUSABLE));

        CliRun run = run("validate", "--plan", plan.toString(), "--batch-size", "4");

        assertOnlyRefused(run);
    }

    @Test
    void validateSaysABaseUrlBesideAPlanIsIgnoredAndNotThatItOverridesThePlans() {
        CliRun run = run("validate", "--plan", plan.toString(), "--base-url", "http://127.0.0.1:8", "--batch-size",
                "4", "--report", dir.resolve("report.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).containsOnlyOnce("validate never talks to the server, so --base-url, --batch-size are "
                + "ignored.").doesNotContain("overrides");
    }

    @Test
    void anUploadRefusesAFlagsBaseUrlBeforeSayingItOverridesThePlans() {
        CliRun run = run("upload", "--plan", plan.toString(), "--base-url", UNUSABLE, "--dry-run");

        assertOnlyRefused(run);
    }

    @Test
    void anUploadStillSaysWhichFlagsOverrideThePlanWhenNothingIsRefused() {
        CliRun run = run("upload", "--plan", plan.toString(), "--batch-size", "4", "--dry-run", "--export-file",
                dir.resolve("absent.csv").toString());

        assertThat(run.err()).as(run.both()).contains("--batch-size 4 overrides the plan's upload.batch-size (50000).");
    }

    @Test
    void validateIgnoresCredentialsWithoutRefusingAKeyOrASecretGivenAlone() {
        for (String[] credential : new String[][] {{"--api-key", "K"}, {"--api-secret", "S3CRq"}}) {
            CliRun run = run("validate", "--csv", Examples.METADATA.toString(), "--infer", credential[0],
                    credential[1], "--report", dir.resolve("report.html").toString());

            assertThat(run.exitCode()).as(run.both()).isZero();
            assertThat(run.err()).as(run.both()).isEqualTo("validate never talks to the server, so " + credential[0]
                    + " is ignored.\n");
            assertThat(run.both()).doesNotContain("S3CRq");
        }
    }

    @Test
    void validateIgnoresUploadNumbersItWouldHaveRefusedInsteadOfSayingBoth() {
        CliRun run = run("validate", "--csv", Examples.METADATA.toString(), "--infer", "--batch-size=-1",
                "--parallel", "0", "--report", dir.resolve("report.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).as(run.both())
                .isEqualTo("validate never talks to the server, so --batch-size, --parallel are ignored.\n");
    }
}
