package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import io.vlmeta.emulator.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A base URL no request could use is refused by validate, upload, export and plan alike, before any work: exit
 * 2, one line naming the fault (a user name or password with an unencoded @ / ? #, a port outside 1 to 65535, a
 * bad %-escape, an invalid host or port, a ; path parameter), never the user name, password, path parameter,
 * query or fragment, and no plan written.
 */
class BaseUrlFaultsTest {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    private static final String PASSWORD_PART = "Zsecr";
    private static final String UNENCODED = "has an @ in its user name or password, or an @ after a / ? or #: write "
            + "@ / ? # in a user name or password as %40 %2F %3F %23";
    /** What follows an @ in a query: it may be a token, or a server after a password holding a / ? or #. */
    private static final String AFTER_AT = "SESSX";
    private static final String PATH_PARAMETER = "holds a ; parameter (such as ;jsessionid=), which a base URL "
            + "cannot carry: give the server's address alone, or with its path without ; parameters, e.g. "
            + "http://localhost:2080 or https://app.visual-layer.com.";

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

    /** @return the emulator's address with the user name al1ce and the password {@code password} */
    private static String withPassword(String password) {
        return EMULATOR.emulator().baseUrl().replace("://", "://al1ce:" + password + "@");
    }

    private static long requests() {
        return FaultPlan.ENDPOINTS.stream().mapToLong(EMULATOR.emulator()::requestCount).sum();
    }

    /** @param flags given right after {@code upload}, e.g. {@code --json} */
    private CliRun upload(String url, String... flags) {
        List<String> args = new ArrayList<>(List.of("upload"));
        args.addAll(List.of(flags));
        args.addAll(List.of("--csv", csv.toString(), "--infer", "--dataset-id", "d1", "--base-url", url,
                "--state-dir", dir.resolve("state").toString()));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    private CliRun plan(String url, Path plan) {
        return CliRun.of(Map.of(), dir, "plan", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", url, "-o", plan.toString());
    }

    private static void assertRefused(CliRun run, String reason) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).as(run.both()).startsWith("Error: The base URL ").contains(reason).hasLineCount(1);
        assertThat(run.both()).doesNotContain(PASSWORD_PART).doesNotContain("al1ce")
                .doesNotContain("is not an http:// or https:// address").doesNotContain("Exception");
    }

    @Test
    void validateRefusesAnUnencodedAtBeforeReadingTheInput() {
        long before = requests();
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", withPassword("p@" + PASSWORD_PART), "--report", dir.resolve("report.html").toString());

        assertRefused(run, UNENCODED);
        assertThat(run.err()).isEqualTo("Error: The base URL '" + EMULATOR.emulator().baseUrl() + "' " + UNENCODED
                + ", e.g. https://user:p%40ss@vl.example.com.\n");
        assertThat(dir.resolve("report.html")).doesNotExist();
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void uploadRefusesAnUnencodedAtFromTheEnvironmentToo() {
        CliRun run = CliRun.of(Map.of("VL_BASE_URL", withPassword("p@" + PASSWORD_PART)), dir, "upload", "--csv",
                csv.toString(), "--infer", "--dataset-id", "d1", "--state-dir", dir.resolve("state").toString());

        assertRefused(run, UNENCODED);
    }

    @Test
    void aPlanFileNamingAnUnencodedAtIsRefusedWhenItRuns() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        assertThat(plan(EMULATOR.emulator().baseUrl(), plan).exitCode()).isZero();
        // edited by hand after review
        Files.writeString(plan, Files.readString(plan).replace(EMULATOR.emulator().baseUrl(),
                withPassword("p@" + PASSWORD_PART)));

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--plan", plan.toString());

        assertRefused(run, UNENCODED);
    }

    @Test
    void exportRefusesAnUnencodedAtBeforeAnyRequest() {
        long before = requests();
        Path saved = dir.resolve("export.csv");

        CliRun run = CliRun.of(Map.of(), dir, "export", "--dataset-id", "d1", "--base-url",
                withPassword("p@" + PASSWORD_PART), "-o", saved.toString());

        assertRefused(run, UNENCODED);
        assertThat(saved).doesNotExist();
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void anEncodedAtSignIsAcceptedAsAnyPasswordIs() {
        CliRun run = CliRun.of(Map.of(), dir, "export", "--dataset-id", "d1", "--base-url",
                withPassword("p%40" + PASSWORD_PART), "-o", dir.resolve("export.csv").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.both()).doesNotContain(PASSWORD_PART);
        assertThat(dir.resolve("export.csv")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pa/Zsecr", "pa#Zsecr", "pa?Zsecr"})
    void uploadRefusesAPasswordWithAnUnencodedSlashHashOrQuestionMarkNamingOnlyTheScheme(String password) {
        long before = requests();

        CliRun run = upload(withPassword(password));

        assertRefused(run, UNENCODED);
        // the @ follows what a parser takes for a path, query or fragment: what follows it may be a token too
        assertThat(run.err()).startsWith("Error: The base URL 'http://...' ")
                .doesNotContain(EMULATOR.emulator().baseUrl());
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void uploadRefusesAPasswordWithAnUnencodedAtNamingTheServerAfterIt() {
        CliRun run = upload(withPassword("p@Zsecr"));

        assertRefused(run, UNENCODED);
        assertThat(run.err()).startsWith("Error: The base URL '" + EMULATOR.emulator().baseUrl() + "' ");
    }

    /** @return the emulator's address with a query holding an @, e.g. {@code http://127.0.0.1:18611/?a=b@SESSX} */
    private static String atInQuery() {
        return EMULATOR.emulator().baseUrl() + "/?a=b@" + AFTER_AT;
    }

    /** Asserts the refusal of {@link #atInQuery} names only the scheme, in one line, and nothing of the query. */
    private static void assertRefusedNamingOnlyTheScheme(CliRun run) {
        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.both()).doesNotContain(AFTER_AT).doesNotContain("a=b").doesNotContain("Exception");
    }

    @Test
    void validateRefusesAnAtInAQueryNamingOnlyTheScheme() {
        long before = requests();
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                "--base-url", atInQuery(), "--report", dir.resolve("report.html").toString());

        assertRefusedNamingOnlyTheScheme(run);
        assertThat(run.err()).isEqualTo("Error: The base URL 'http://...' " + UNENCODED
                + ", e.g. https://user:p%40ss@vl.example.com.\n");
        assertThat(dir.resolve("report.html")).doesNotExist();
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void uploadRefusesAnAtInAQueryNamingOnlyTheScheme() {
        long before = requests();

        CliRun run = upload(atInQuery());

        assertRefusedNamingOnlyTheScheme(run);
        assertThat(run.err()).startsWith("Error: The base URL 'http://...' " + UNENCODED).hasLineCount(1);
        assertThat(requests()).isEqualTo(before);
    }

    @Test
    void uploadRefusesAnAtInAQueryAskedForJsonInOneErrorDocumentNamingOnlyTheScheme() throws IOException {
        CliRun run = upload(atInQuery(), "--json");

        assertRefusedNamingOnlyTheScheme(run);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("error").asText()).startsWith("The base URL 'http://...' " + UNENCODED);
    }

    @Test
    void planRefusesAnAtInAQueryWritingNoPlan() throws IOException {
        Path plan = dir.resolve("plan.yaml");

        CliRun run = plan(atInQuery(), plan);

        assertRefusedNamingOnlyTheScheme(run);
        assertThat(run.err()).startsWith("Error: The base URL 'http://...' " + UNENCODED).hasLineCount(1);
        assertThat(plan).doesNotExist();
        try (var files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(AFTER_AT);
            }
        }
    }

    @Test
    void aPlanWhoseBaseUrlHoldsAnAtInAQueryIsRefusedWhenItRunsNamingOnlyTheScheme() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        assertThat(plan(EMULATOR.emulator().baseUrl(), plan).exitCode()).isZero();
        String planned = Files.readString(plan);
        // edited by hand after review
        Files.writeString(plan, planned.replace(EMULATOR.emulator().baseUrl(), atInQuery()));

        CliRun validated = CliRun.of(Map.of(), dir, "validate", "--plan", plan.toString());
        CliRun uploaded = CliRun.of(Map.of(), dir, "upload", "--plan", plan.toString(), "--state-dir",
                dir.resolve("state").toString(), "--json");

        assertRefusedNamingOnlyTheScheme(validated);
        assertThat(validated.err()).startsWith("Error: The base URL 'http://...' " + UNENCODED).hasLineCount(1);
        assertRefusedNamingOnlyTheScheme(uploaded);
    }

    @Test
    void aBaseUrlWithAnAtInAQueryOverridingAPlansIsNamedOnlyByItsScheme() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        assertThat(plan(EMULATOR.emulator().baseUrl(), plan).exitCode()).isZero();

        // the line saying the flag overrides the plan's base URL names it too
        CliRun run = CliRun.of(Map.of(), dir, "upload", "--plan", plan.toString(), "--base-url", atInQuery(),
                "--state-dir", dir.resolve("state").toString());

        assertRefusedNamingOnlyTheScheme(run);
        assertThat(run.err()).contains("Error: The base URL 'http://...' " + UNENCODED);
    }

    /** The base URL with a path parameter, and the server a refusal names: without it, and without its value. */
    private static final String[][] PATH_PARAMETERS = {{"/;jsessionid=Zsecr", "/"}, {"/api;jsessionid=Zsecr", "/api"},
        {";jsessionid=Zsecr", ""}, {"/api;jsessionid=Zsecr/v1", "/api/v1"}};

    @Test
    void everyCommandRefusesAPathParameterBeforeAnyWorkNamingTheServerWithoutIt() {
        String base = EMULATOR.emulator().baseUrl();
        for (String[] given : PATH_PARAMETERS) {
            long before = requests();
            Path plan = dir.resolve("plan.yaml");
            Path saved = dir.resolve("export.csv");
            String url = base + given[0];

            List<CliRun> runs = List.of(
                    CliRun.of(Map.of(), dir, "validate", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                            "--base-url", url),
                    upload(url),
                    plan(url, plan),
                    CliRun.of(Map.of("VL_BASE_URL", url), dir, "export", "--dataset-id", "d1", "-o", saved.toString()));

            for (CliRun run : runs) {
                assertRefused(run, PATH_PARAMETER);
                assertThat(run.err()).isEqualTo("Error: The base URL '" + base + given[1] + "' " + PATH_PARAMETER
                        + "\n");
                assertThat(run.out()).isEmpty();
            }
            assertThat(plan).doesNotExist();
            assertThat(saved).doesNotExist();
            assertThat(requests()).as(url).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"p@Zsecr", "pa/Zsecr", "pa#Zsecr", "pa?Zsecr"})
    void planRefusesSuchAPasswordInsteadOfWritingItIntoThePlan(String password) {
        Path plan = dir.resolve("plan.yaml");

        CliRun run = plan(withPassword(password), plan);

        assertRefused(run, UNENCODED);
        assertThat(run.out()).isEmpty();
        assertThat(plan).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "65536", "0"})
    void uploadRefusesAPortOutsideOneTo65535AsAUsageError(String port) {
        CliRun run = upload("http://al1ce:Zsecr@127.0.0.1:" + port);

        assertRefused(run, "its port " + port + " is outside 1 to 65535");
    }

    @Test
    void exportRefusesAPortOutsideOneTo65535AsAUsageError() {
        Path saved = dir.resolve("export.csv");

        CliRun run = CliRun.of(Map.of(), dir, "export", "--dataset-id", "d1", "--base-url", "http://127.0.0.1:99999",
                "-o", saved.toString());

        assertRefused(run, "its port 99999 is outside 1 to 65535");
        assertThat(saved).doesNotExist();
    }

    @Test
    void aPortRefusalAskedForJsonIsOneErrorDocument() throws IOException {
        CliRun run = upload("http://al1ce:Zsecr@127.0.0.1:99999", "--json");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("error").asText()).contains("its port 99999 is outside 1 to 65535");
        assertThat(run.both()).doesNotContain(PASSWORD_PART).doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p@Zsecr", "pa/Zsecr"})
    void anUnencodedAtOrSlashRefusalAskedForJsonIsOneErrorDocumentWithoutThePassword(String password)
            throws IOException {
        CliRun run = upload(withPassword(password), "--json");

        assertRefused(run, UNENCODED);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("error").asText()).contains(UNENCODED);
    }

    /** Each URL, and the reason upload and plan both give for refusing it. */
    private static final String[][] OTHER_FAULTS = {
        {"http://al1ce:pa%zZsecr@127.0.0.1:18510", "its password holds a bad %-escape"},
        {"http://al1ce:pa Zsecr@127.0.0.1:18510", "its password holds a character a URL cannot carry there"},
        {"http://al1ce:pa\\Zsecr@127.0.0.1:18510", "its password holds a character a URL cannot carry there"},
        {"http://al1ce:Zsecr@999.1.1.1:80", "its host '999.1.1.1' is not a valid address"},
        {"http://al1ce:Zsecr@_under_score.local:80", "its host '_under_score.local' is not a valid host name"},
        {"http://al1ce:Zsecr@127.0.0.1:18510:1", "its port is not a number"},
        {"http://al1ce:Zsecr@127.0.0.1:18510;jsessionid=Zsecr", PATH_PARAMETER},
        {"https://al1ce:Zsecr@vl.example.invalid/api/v1?token=Zsecr#Zsecr", "has a query or fragment"},
    };

    @Test
    void uploadAndPlanRefuseEveryOtherFaultAlikeNamingItsReason() {
        for (String[] fault : OTHER_FAULTS) {
            Path plan = dir.resolve("plan.yaml");

            CliRun uploaded = upload(fault[0]);
            CliRun planned = plan(fault[0], plan);

            assertRefused(uploaded, fault[1]);
            assertRefused(planned, fault[1]);
            assertThat(planned.err()).isEqualTo(uploaded.err());
            assertThat(plan).doesNotExist();
        }
    }
}
