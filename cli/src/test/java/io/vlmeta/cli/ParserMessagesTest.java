package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command-line parser's refusals reach the user in vlmeta's words: the option and what it takes, never the
 * value typed (it may be a secret in the wrong place), and no sentence that contradicts the next.
 */
class ParserMessagesTest extends OneRowCsvRefusals {
    private CliRun upload(String... more) {
        String[] args = new String[more.length + 5];
        System.arraycopy(new String[] {"upload", "--csv", csv, "--dataset-id", "d"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void aValueOfTheWrongKindNamesWhatTheOptionTakesWithoutTheValue() {
        assertRefused(upload("--parallel", SECRET), "--parallel takes a whole number (digits only); the value "
                + "given is not one.");
        assertRefused(upload("--infer=" + SECRET), "--infer takes true or false, or no value (which is true); the "
                + "value given is not one.");
    }

    @Test
    void aWordThatIsNoneOfAnOptionsFewNamesTheAcceptedOnesWithoutTheWord() {
        CliRun run = CliRun.of(Map.of(), dir, "emulator", "--port", "0", "--task-policy", SECRET);

        assertRefused(run, "--task-policy takes one of OPEN_UNTIL_FAILED, ONE_UPLOAD, CLOSED_BY_FINAL_POLL (in upper "
                + "or lower case); the value given is not one.");
    }

    @Test
    void digitsTooManyForTheOptionsNumberSayItIsTooLargeAndHowLargeItMayBe() {
        assertRefused(upload("--enum-limit", "99999999999"), "--enum-limit takes a whole number of at most "
                + "2147483647; the value given is too large.");
        assertRefused(upload("--string-max-length", "2147483648"), "--string-max-length takes a whole number of at "
                + "most 2147483647; the value given is too large.");
        assertRefused(upload("--enum-limit=-2147483649"), "--enum-limit takes a whole number of at least "
                + "-2147483648; the value given is too small.");
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--seed", "9223372036854775808"), "--seed takes a whole "
                + "number of at most 9223372036854775807; the value given is too large.");
    }

    @Test
    void aDurationOfNoKnownFormNamesTheFormsWithoutTheValue() {
        assertRefused(upload("--task-timeout", SECRET), "--task-timeout takes a duration, e.g. 90s, 30m, 2h or PT30M;"
                + " the value given is not one.");
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--delay", SECRET), "--delay takes a duration, e.g. 500ms,"
                + " 30s, 5m, 1h or PT30S; the value given is not one.");
    }

    @Test
    void aFlagGivenTwiceSaysSoAsAnOptionWithAValueDoes() throws Exception {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--json", "--csv", csv, "--json");

        assertRefused(run, "--json is given more than once: give it once.");
        assertThat(new ObjectMapper().readTree(run.out()).get("error").asText())
                .isEqualTo("--json is given more than once: give it once.");
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--strict", "--strict"),
                "--strict is given more than once: give it once.");
    }

    @Test
    void aMissingValueNamesWhatGoesAfterTheOption() {
        assertRefused(upload("--api-secret"), "--api-secret needs a value after it: --api-secret SECRET.");
        assertRefused(upload("--string-fields"), "--string-fields needs a value after it: --string-fields COLUMN.");
    }

    @Test
    void anOptionGivenTwiceSaysSoWithoutEitherValue() {
        assertRefused(upload("--api-secret=a" + SECRET, "--api-secret=b" + SECRET),
                "--api-secret is given more than once: give it once (--api-secret SECRET).");
    }

    @Test
    void underJsonTheRefusalIsOneDocumentWithoutTheValue() throws Exception {
        CliRun run = upload("--json", "--parallel", SECRET);

        assertRefused(run, "--parallel takes a whole number (digits only); the value given is not one.");
        assertThat(new ObjectMapper().readTree(run.out()).get("error").asText())
                .isEqualTo("--parallel takes a whole number (digits only); the value given is not one.");
    }

    @Test
    void wordsAfterTheEndOfOptionsAreNotCalledUnknownOptions() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--", "--infer");

        assertRefused(run, "Unexpected argument after '--': 'validate' takes no positional arguments, and '--' "
                + "ends its options (give options before it).");
        assertThat(run.err()).doesNotContain("Did you mean");
    }

    @Test
    void aCommandsOptionGivenBeforeTheCommandIsNamedWholeWithWhereItGoes() {
        CliRun run = CliRun.of(Map.of(), dir, "--json", "upload", "--csv", csv);

        assertRefused(run, "Option '--json' given before the command: options go after the command's name, e.g. "
                + "vlmeta upload --json.");
    }

    @Test
    void aJsonOptionGivenBeforeTheCommandStillGetsItsErrorDocument() throws Exception {
        CliRun run = CliRun.of(Map.of(), dir, "--json", "upload", "--csv", csv);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("{\"status\":\"error\",\"exit_code\":2,\"error\":\"Option '--json' given "
                + "before the command: options go after the command's name, e.g. vlmeta upload --json.\"}\n");
    }

    @Test
    void anotherCommandsOptionIsNamedWholeWithTheCommandsThatTakeIt() {
        CliRun dryRun = CliRun.of(Map.of(), dir, "export", "--dry-run", "--dataset-id", "d");
        CliRun two = CliRun.of(Map.of(), dir, "export", "--dry-run", "--csv", csv);

        assertRefused(dryRun, "Unknown option: '--dry-run' (upload takes it, not export)");
        assertRefused(two, "Unknown options: '--dry-run' (upload takes it, not export), '--csv' (upload, validate "
                + "and plan take it, not export)");
        assertThat(dryRun.err()).doesNotContain("Did you mean");
    }

    @Test
    void anotherCommandsOptionWithMoreTypedOntoItIsCutAsAnyUnknownWord() {
        CliRun glued = CliRun.of(Map.of(), dir, "export", "--dry-run" + SECRET, "--dataset-id", "d");
        CliRun withEquals = CliRun.of(Map.of(), dir, "export", "--dry-run=" + SECRET, "--dataset-id", "d");

        assertRefused(glued, "Unknown option: '--dry...'");
        assertRefused(withEquals, "Unknown option: '--dry...'");
    }
}
