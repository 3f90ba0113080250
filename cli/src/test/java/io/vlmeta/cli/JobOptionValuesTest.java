package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job option's value of the right kind that the option does not take is refused as the command line is parsed,
 * before any input is read or anything sent, and ends with where help is, as the parser's own refusals do.
 */
class JobOptionValuesTest extends OneRowCsvRefusals {
    private static final String HELP = "Try 'vlmeta upload --help' for more information.\n";

    private CliRun upload(String... more) {
        String[] args = new String[more.length + 7];
        System.arraycopy(new String[] {"upload", "--csv", csv, "--dataset-id", "d", "--float-fields", "score"}, 0,
                args, 0, 7);
        System.arraycopy(more, 0, args, 7, more.length);
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void aTaskTimeoutOfZeroOrLessIsRefusedBeforeAnythingIsSent() {
        CliRun zero = upload("--base-url", "http://127.0.0.1:9", "--api-key", "k", "--api-secret", "s",
                "--task-timeout", "0s");
        CliRun negative = upload("--task-timeout", "PT-5M");

        assertRefused(zero, "Error: --task-timeout must be a duration longer than zero, e.g. 30s; the value given is "
                + "0 ms.");
        assertThat(zero.err()).isEqualTo("Error: --task-timeout must be a duration longer than zero, e.g. 30s; the "
                + "value given is 0 ms.\n" + HELP);
        assertThat(zero.out()).isEmpty();
        assertRefused(negative, "Error: --task-timeout must be a duration longer than zero, e.g. 30s; the value given "
                + "is -300000 ms.");
    }

    @Test
    void aValidationIgnoresTheUploadsTimeoutAndDoesNotRefuseIt() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--float-fields", "score",
                "--task-timeout", "0s", "--report", dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.err()).contains("--task-timeout is ignored.");
    }

    @Test
    void anEmptyColumnNameInATypeFlagOrAColumnListIsRefusedNamingTheOption() {
        for (String option : JobOptionValues.COLUMN_LISTS) {
            CliRun run = upload("--infer", option, "");

            assertRefused(run, "Error: " + option + " takes column names, and one given is empty: give each column's "
                    + "name.");
            assertThat(run.err()).endsWith(HELP);
        }
        assertRefused(upload("--infer", "--columns", ",score"), "Error: --columns takes column names, and one given "
                + "is empty: give each column's name.");
    }

    @Test
    void aFieldTypeWithNoColumnBeforeItsEqualsSignIsRefusedWithAnExampleOfARealType() {
        CliRun run = upload("--field-type", "=string");

        assertRefused(run, "Error: --field-type takes COLUMN=TYPE, a column's name before the '='; one was given "
                + "with none: e.g. --field-type score=float.");
        assertThat(run.err()).endsWith(HELP);
    }

    @Test
    void aTimeZoneNoClockKnowsIsRefusedWithoutTheWordNamingWhatIsAccepted() {
        CliRun run = upload("--timezone", SECRET);

        assertRefused(run, "Error: --timezone takes a time zone: use a region such as Europe/Berlin or "
                + "America/New_York, or an offset such as +02:00; the value given is not one.");
        assertThat(run.err()).endsWith(HELP);
    }

    @Test
    void theFieldTypeHelpExampleNamesABuiltInType() {
        String help = CliRun.of(Map.of(), dir, "upload", "--help").out();

        assertThat(help).contains("(e.g. score=float)").doesNotContain("integer");
    }
}
