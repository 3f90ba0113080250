package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A base URL whose user name or password holds an unencoded {@code @} is refused by every command that
 * takes a server, before any work: exit 2, one line, and neither user name nor password in the output.
 */
class UnencodedAtInBaseUrlTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    private static final String PASSWORD_PART = "S3CR3T-1984";
    private static final String REFUSAL = "has an @ in its user name or password, or an @ after a / ? or #: write "
            + "@ / ? # in a user name or password as %40 %2F %3F %23";

    @TempDir
    Path dir;

    private Path csv;

    @BeforeAll
    static void dataset() throws IOException {
        EMULATOR.emulator().addDataset("d1", Examples.filenames());
    }

    @BeforeEach
    void input() throws IOException {
        csv = Files.copy(Examples.METADATA, dir.resolve("metadata.csv"));
    }

    /** The emulator's address with a password holding an unencoded {@code @}. */
    private static String urlWithUnencodedAt() {
        return EMULATOR.emulator().baseUrl().replace("://", "://al1ce:p@" + PASSWORD_PART + "@");
    }

    private CliRun run(Map<String, String> environment, String... args) {
        return CliRun.of(environment, dir, args);
    }

    /** @return the requests that reached the emulator so far, of every endpoint */
    private static long requests() {
        return FaultPlan.ENDPOINTS.stream().mapToLong(EMULATOR.emulator()::requestCount).sum();
    }

    private static void assertRefused(CliRun run) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).as(run.both()).contains(REFUSAL).hasLineCount(1);
        assertThat(run.both()).doesNotContain(PASSWORD_PART).doesNotContain("al1ce");
    }

    @Test
    void validateRefusesItBeforeReadingTheInput() {
        long before = requests();
        CliRun run = run(Map.of(), "validate", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", urlWithUnencodedAt(), "--report", dir.resolve("report.html").toString());

        assertRefused(run);
        assertThat(run.err()).isEqualTo("Error: The base URL '" + EMULATOR.emulator().baseUrl() + "' " + REFUSAL
                + ", e.g. https://user:p%40ss@vl.example.com.\n");
        assertThat(dir.resolve("report.html")).doesNotExist();
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void uploadRefusesItBeforeAnyRequest() {
        long before = requests();
        CliRun run = run(Map.of(), "upload", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", urlWithUnencodedAt(), "--state-dir", dir.resolve("state").toString());

        assertRefused(run);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void uploadRefusesItFromTheEnvironmentToo() {
        CliRun run = run(Map.of("VL_BASE_URL", urlWithUnencodedAt()), "upload", "--csv", csv.toString(), "--infer",
                "--dataset-id", "d1", "--state-dir", dir.resolve("state").toString());

        assertRefused(run);
    }

    @Test
    void aRefusalAskedForJsonIsAnErrorDocumentWithoutThePassword() throws IOException {
        CliRun run = run(Map.of(), "upload", "--json", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", urlWithUnencodedAt(), "--state-dir", dir.resolve("state").toString());

        assertRefused(run);
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("error").asText()).contains(REFUSAL);
    }

    @Test
    void planRefusesItInsteadOfWritingAPlan() {
        Path plan = dir.resolve("plan.yaml");

        CliRun run = run(Map.of(), "plan", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", urlWithUnencodedAt(), "-o", plan.toString());

        assertRefused(run);
        assertThat(plan).doesNotExist();
    }

    @Test
    void aPlanFileNamingSuchAUrlIsRefusedWhenItRuns() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        assertThat(run(Map.of(), "plan", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", EMULATOR.emulator().baseUrl(), "-o", plan.toString()).exitCode()).isZero();
        // edited by hand after review
        Files.writeString(plan, Files.readString(plan).replace(EMULATOR.emulator().baseUrl(), urlWithUnencodedAt()));

        CliRun run = run(Map.of(), "validate", "--plan", plan.toString());

        assertRefused(run);
    }

    @Test
    void exportRefusesItBeforeAnyRequest() {
        long before = requests();
        Path saved = dir.resolve("export.csv");

        CliRun run = run(Map.of(), "export", "--dataset-id", "d1", "--base-url", urlWithUnencodedAt(),
                "-o", saved.toString());

        assertRefused(run);
        assertThat(saved).doesNotExist();
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void anEncodedAtSignIsAcceptedAsAnyPasswordIs() {
        String encoded = EMULATOR.emulator().baseUrl().replace("://", "://al1ce:p%40" + PASSWORD_PART + "@");

        CliRun run = run(Map.of(), "export", "--dataset-id", "d1", "--base-url", encoded,
                "-o", dir.resolve("export.csv").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.both()).doesNotContain(PASSWORD_PART);
        assertThat(dir.resolve("export.csv")).exists();
    }
}
