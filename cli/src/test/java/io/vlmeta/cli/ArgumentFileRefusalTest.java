package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @file} arguments through the real command line: one that cannot be read is a one-line usage error
 * naming it (exit 2, an error document under {@code --json}), and {@code @@} writes a word starting with @.
 */
class ArgumentFileRefusalTest {
    private static final String ADVICE = ". An argument starting with @ names a file of arguments; write @@ for a "
            + "word that starts with @.\n";

    @TempDir
    Path dir;

    private Path csv;

    @BeforeEach
    void input() throws IOException {
        csv = Files.writeString(dir.resolve("m.csv"), "file_fullpath,@handle\nimg/a.jpg,alice\nimg/b.jpg,bob\n");
    }

    private CliRun run(String... args) {
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void aMissingArgumentFileIsAUsageErrorNamingIt() {
        Path missing = dir.resolve("job options.txt");

        CliRun run = run("validate", "--csv", csv.toString(), "@" + missing);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot read the argument file '@" + missing + "': " + missing
                + " does not exist" + ADVICE);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anOptionsValueStartingWithAtIsNeverShownWhenNoSuchFileExists() throws IOException {
        String secret = "@S3CRETv4lue";

        CliRun run = run("upload", "--json", "--csv", csv.toString(), "--dataset-id", "d1", "--api-key", "k",
                "--api-secret", secret);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.both()).doesNotContain("S3CRET");
        assertThat(run.err()).isEqualTo("Error: Cannot read the argument file given as the value of the option before "
                + "it, word 10 of the command line: the file does not exist. An argument starting with @ names a file "
                + "of arguments; for a value that starts with @, write @@ (--option @@value) or give it after '=' "
                + "(--option=@value).\n");
        assertThat(new ObjectMapper().readTree(run.out()).get("error").asText()).startsWith(
                "Cannot read the argument file given as the value of the option before it");
    }

    @Test
    void anOptionsValueStartingWithAtInsideAnArgumentFileIsNeverShownEither() throws IOException {
        Path options = Files.writeString(dir.resolve("job.txt"), "--api-key k --api-secret @S3CRETv4lue\n");

        CliRun run = run("upload", "--csv", csv.toString(), "--dataset-id", "d1", "@" + options);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.both()).doesNotContain("S3CRET")
                .contains("given as the value of the option before it, in the argument file " + options);
    }

    @Test
    void anOptionAtTheEndOfAnArgumentFileAwaitsTheValueAfterTheFileAndAMistypedDashCountsToo() throws IOException {
        Path endsWithTheOption = Files.writeString(dir.resolve("secret option.txt"), "--api-key k\n--api-secret\n");

        CliRun afterFile = run("upload", "--csv", csv.toString(), "--dataset-id", "d1", "@" + endsWithTheOption,
                "@S3CRETv4lue");
        CliRun threeDashes = run("upload", "--csv", csv.toString(), "---api-secret", "@S3CRETv4lue");

        for (CliRun run : List.of(afterFile, threeDashes)) {
            assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
            assertThat(run.both()).contains("given as the value of the option before it").doesNotContain("S3CRET");
        }
    }

    @Test
    void anArgumentFileThatNamesItselfLastBeforeAMissingOneIsRefusedWithoutEndlessReading() throws IOException {
        Path self = dir.resolve("self.txt");
        Files.writeString(self, "--api-key k @" + self + "\n");
        Path missing = dir.resolve("missing.txt");

        CliRun run = run("upload", "--csv", csv.toString(), "@" + self, "@" + missing);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: Cannot read the argument file '@" + missing + "'");
    }

    @Test
    void aMissingArgumentFileOfAJobAskedForJsonIsAnErrorDocumentToo() throws IOException {
        Path missing = dir.resolve("missing.txt");

        CliRun run = run("upload", "--json", "--csv", csv.toString(), "@" + missing);

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("status").asText()).isEqualTo("error");
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("error").asText()).startsWith("Cannot read the argument file '@" + missing + "'");
        assertThat(run.out()).hasLineCount(1);
    }

    @Test
    void aMissingArgumentFileBeforeAnyCommandWithJsonIsAnErrorDocument() throws IOException {
        Path missing = dir.resolve("missing.txt");

        CliRun run = run("@" + missing, "--json");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.out()).isEqualTo(errorDocument(run.err()));
    }

    @Test
    void aJsonOptionInAReadableArgumentFileNextToAMissingOneIsSeen() throws IOException {
        Path missing = dir.resolve("missing.txt");
        Path options = Files.writeString(dir.resolve("options.txt"), "--json --csv '" + csv + "'\n");
        Path job = Files.writeString(dir.resolve("job.txt"), "validate @" + options + "\n");

        CliRun given = run("upload", "@" + options, "@" + missing);
        CliRun namedInAFile = run("@" + job, "@" + missing);

        assertThat(given.exitCode()).as(given.both()).isEqualTo(2);
        assertThat(given.out()).isEqualTo(errorDocument(given.err()));
        assertThat(namedInAFile.exitCode()).as(namedInAFile.both()).isEqualTo(2);
        assertThat(namedInAFile.out()).isEqualTo(errorDocument(namedInAFile.err()));
    }

    /**
     * @return the one JSON line a usage error writes on stdout, for the refusal it printed on stderr: the line
     *     without its "Error: "
     */
    private static String errorDocument(String err) throws IOException {
        assertThat(err).startsWith("Error: ");
        return "{\"status\":\"error\",\"exit_code\":2,\"error\":"
                + new ObjectMapper().writeValueAsString(err.strip().substring("Error: ".length())) + "}\n";
    }

    @Test
    void aMissingArgumentFileNamedInsideAnotherIsNamedAsSuch() throws IOException {
        Path inner = dir.resolve("inner.txt");
        Path outer = Files.writeString(dir.resolve("outer.txt"), "--csv '" + csv + "'\n@" + inner + "\n");

        CliRun run = run("validate", "--json", "@" + outer);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot read the argument file '@" + inner + "' named in the argument "
                + "file " + outer + ": " + inner + " does not exist" + ADVICE);
        assertThat(run.out()).startsWith("{\"status\":\"error\",\"exit_code\":2,").hasLineCount(1);
    }

    @Test
    void anUnreadableArgumentFileIsAUsageErrorNamingIt() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.txt"), "--infer");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "a user who reads every file (root) cannot test this");

        CliRun run = run("validate", "--csv", csv.toString(), "@" + locked);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Cannot read the argument file '@" + locked + "': " + locked
                + " cannot be read (no permission)" + ADVICE);
    }

    @Test
    void aDoubledAtSignWritesAWordStartingWithAnAtSign() {
        CliRun run = run("validate", "--csv", csv.toString(), "--string-fields", "@@handle", "--report",
                dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("@handle: string");
    }

    @Test
    void aDoubledAtSignInsideAnArgumentFileWritesAWordStartingWithAnAtSignToo() throws IOException {
        Path options = Files.writeString(dir.resolve("options.txt"), "--string-fields @@handle\n");

        CliRun run = run("validate", "--csv", csv.toString(), "@" + options, "--report",
                dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("@handle: string");
    }

    @Test
    void aQuoteNotClosedOnItsLineIsRefusedNamingTheFileAndLineWithoutItsWords() throws IOException {
        Path options = Files.writeString(dir.resolve("job.txt"), "# the job's key\n--dataset-id d1\n"
                + "--api-key \"S3CRET --api-secret-file 'key.txt'\n");

        CliRun run = run("upload", "--json", "--csv", csv.toString(), "@" + options);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: The argument file " + options + " has a quote opened on line 3 that "
                + "is not closed on that line: close it before the line ends (a word with a quote in it goes inside "
                + "the other quotes: \"O'Brien\").\n");
        assertThat(run.out()).isEqualTo(errorDocument(run.err()));
        assertThat(run.both()).doesNotContain("S3CRET");
    }

    @Test
    void aQuoteNotClosedInAnArgumentFileNamedInAnotherIsRefusedToo() throws IOException {
        Path inner = Files.writeString(dir.resolve("inner.txt"), "--string-fields 'O'Brien'\n");
        Path outer = Files.writeString(dir.resolve("outer.txt"), "--csv '" + csv + "'\n@" + inner + "\n");

        CliRun run = run("validate", "@" + outer);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).startsWith("Error: The argument file " + inner + " has a quote opened on line 1 that "
                + "is not closed on that line").hasLineCount(1);
    }

    @Test
    void argumentFilesNamingEachOtherAreReadOnceAsPicocliReadsThem() throws IOException {
        Path first = dir.resolve("first.txt");
        Path second = Files.writeString(dir.resolve("second.txt"), "@" + first + " --string-fields @@handle");
        Files.writeString(first, "--csv '" + csv + "' @" + second);

        CliRun run = run("validate", "@" + first, "--report", dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("@handle: string");
    }
}
