package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A {@code --match-by} that is none of the ways is refused by every job, a validation without a dataset too,
 * without showing the word typed.
 */
class MatchByRefusalTest extends OneRowCsvRefusals {
    private static final String REFUSAL =
            "Error: --match-by takes one of path, suffix, basename, stem; the value given is not one.";

    @Test
    void aValidationWithoutADatasetRefusesAnUnknownWayWithoutShowingIt() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--float-fields", "score", "--match-by",
                SECRET);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).contains(REFUSAL);
        assertThat(run.both()).doesNotContain(SECRET);
    }

    @Test
    void aWayInAnyLetterCaseIsTaken() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--float-fields", "score", "--match-by",
                " Stem ");

        assertThat(run.exitCode()).as(run.both()).isZero();
    }
}
