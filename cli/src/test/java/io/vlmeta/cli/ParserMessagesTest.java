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
        assertRefused(upload("--parallel", SECRET), "Error: --parallel takes a whole number (digits 0 to 9 only); the "
                + "value given is not one.");
        assertRefused(upload("--infer=" + SECRET), "Error: --infer takes true or false, or no value (which is true); "
                + "the value given is not one.");
    }

    @Test
    void aWordThatIsNoneOfAnOptionsFewNamesTheAcceptedOnesWithoutTheWord() {
        CliRun run = CliRun.of(Map.of(), dir, "emulator", "--port", "0", "--task-policy", SECRET);

        assertRefused(run, "Error: --task-policy takes one of OPEN_UNTIL_FAILED, ONE_UPLOAD, CLOSED_BY_FINAL_POLL (in "
                + "upper or lower case); the value given is not one.");
    }

    @Test
    void digitsTooManyForTheOptionsNumberSayItIsTooLargeAndHowLargeItMayBe() {
        assertRefused(upload("--enum-limit", "99999999999"), "Error: --enum-limit takes a whole number of at most "
                + "2147483647; the value given is too large.");
        assertRefused(upload("--string-max-length", "2147483648"), "Error: --string-max-length takes a whole number of "
                + "at most 2147483647; the value given is too large.");
        assertRefused(upload("--enum-limit=-2147483649"), "Error: --enum-limit takes a whole number of at least "
                + "-2147483648; the value given is too small.");
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--seed", "9223372036854775808"), "Error: --seed takes a "
                + "whole number of at most 9223372036854775807; the value given is too large.");
    }

    @Test
    void aWholeNumberTakesThePlainDigitsZeroToNineOnlyAsAPlansNumbersDo() {
        String refusal = " takes a whole number (digits 0 to 9 only); the value given is not one.";
        assertRefused(upload("--batch-size", "+5"), "Error: --batch-size" + refusal);
        assertRefused(upload("--parallel", "\u0665"), "Error: --parallel" + refusal); // Arabic-Indic five
        assertRefused(upload("--enum-limit=\uff15\uff10"), "Error: --enum-limit" + refusal); // full-width 50
        assertRefused(upload("--string-max-length", " 5"), "Error: --string-max-length" + refusal);
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--seed", "\uff15"), "Error: --seed" + refusal);
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--port", "+80"), "Error: --port" + refusal);
    }

    @Test
    void aNegativeWholeNumberIsReadAndRefusedAsBelowWhatTheOptionTakes() {
        assertRefused(upload("--parallel", "-1"), "Error: --parallel must be a whole number of at least 1; the value "
                + "given is -1.");
    }

    @Test
    void aDurationOfNoKnownFormNamesTheFormsWithoutTheValue() {
        assertRefused(upload("--task-timeout", SECRET), "Error: --task-timeout takes a duration, e.g. 90s, 30m, 2h or "
                + "PT30M; the value given is not one.");
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--delay", SECRET), "Error: --delay takes a duration, e.g. "
                + "500ms, 30s, 5m, 1h or PT30S; the value given is not one.");
    }

    @Test
    void aDurationTooLongToHoldSaysSoWithoutTheValueOrJavasWords() {
        for (String value : new String[] {"999999999999999999999h", "9223372036854775807h", "PT99999999999999999999H"}) {
            CliRun run = upload("--task-timeout", value);

            assertRefused(run, "Error: --task-timeout takes a duration, e.g. 90s, 30m, 2h or PT30M; the value given "
                    + "is too long.");
            assertThat(run.err()).doesNotContain("9999").doesNotContain("java").doesNotContain("Duration")
                    .endsWith("Try 'vlmeta upload --help' for more information.\n");
        }
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--delay", "99999999999999999999s"), "Error: --delay takes a "
                + "duration, e.g. 90s, 30m, 2h or PT30M; the value given is too long.");
    }

    @Test
    void aFlagGivenTwiceSaysSoAsAnOptionWithAValueDoes() throws Exception {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--json", "--csv", csv, "--json");

        assertRefused(run, "Error: --json is given more than once: give it once.");
        assertThat(new ObjectMapper().readTree(run.out()).get("error").asText())
                .isEqualTo("--json is given more than once: give it once.");
        assertRefused(CliRun.of(Map.of(), dir, "emulator", "--strict", "--strict"),
                "Error: --strict is given more than once: give it once.");
    }

    @Test
    void aMissingValueNamesWhatGoesAfterTheOption() {
        assertRefused(upload("--api-secret"), "Error: --api-secret needs a value after it: --api-secret SECRET.");
        assertRefused(upload("--string-fields"), "Error: --string-fields needs a value after it: --string-fields "
                + "COLUMN.");
    }

    @Test
    void anOptionGivenTwiceSaysSoWithoutEitherValue() {
        assertRefused(upload("--api-secret=a" + SECRET, "--api-secret=b" + SECRET),
                "Error: --api-secret is given more than once: give it once (--api-secret SECRET).");
    }

    @Test
    void underJsonTheRefusalIsOneDocumentWithoutTheValue() throws Exception {
        CliRun run = upload("--json", "--parallel", SECRET);

        assertRefused(run, "Error: --parallel takes a whole number (digits 0 to 9 only); the value given is not one.");
        assertThat(new ObjectMapper().readTree(run.out()).get("error").asText())
                .isEqualTo("--parallel takes a whole number (digits 0 to 9 only); the value given is not one.");
    }

    @Test
    void wordsAfterTheEndOfOptionsAreNotCalledUnknownOptions() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--", "--infer");

        assertRefused(run, "Error: Unexpected argument after '--': 'validate' takes no positional arguments, and '--' "
                + "ends its options (give options before it).");
        assertThat(run.err()).doesNotContain("Did you mean");
    }

    @Test
    void aCommandsOptionGivenBeforeTheCommandIsNamedWholeWithWhereItGoes() {
        CliRun run = CliRun.of(Map.of(), dir, "--json", "upload", "--csv", csv);

        assertRefused(run, "Error: Option '--json' given before the command: options go after the command's name, e.g. "
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

        assertRefused(dryRun, "Error: Unknown option: '--dry-run' (upload takes it, not export)");
        assertRefused(two, "Error: Unknown options: '--dry-run' (upload takes it, not export), '--csv' (upload, "
                + "validate and plan take it, not export)");
        assertThat(dryRun.err()).doesNotContain("Did you mean");
    }

    @Test
    void anotherCommandsOptionWithMoreTypedOntoItIsCutAndOneWithAValueAfterEqualsIsNamedWithoutIt() {
        CliRun glued = CliRun.of(Map.of(), dir, "export", "--dry-run" + SECRET, "--dataset-id", "d");
        CliRun withEquals = CliRun.of(Map.of(), dir, "export", "--dry-run=" + SECRET, "--dataset-id", "d");

        assertRefused(glued, "Error: Unknown option: '--dry...'");
        // after '=' only the value may be a secret: the option is named with the commands that take it
        assertRefused(withEquals, "Error: Unknown option: '--dry-run' (upload takes it, not export)");
    }
}
