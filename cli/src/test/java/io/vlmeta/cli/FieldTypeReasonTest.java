package io.vlmeta.cli;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A column {@code --field-type} names is named by that option in every refusal of it, never as
 * {@code --<type>-fields}: that would show the type word, which may be a slip or a secret, as an option nobody typed.
 */
class FieldTypeReasonTest extends OneRowCsvRefusals {
    @Test
    void aMissingColumnIsNamedByFieldTypeNotByItsTypeWord() {
        assertRefused(CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--field-type", "caption=" + SECRET),
                "Error: Column 'caption' (--field-type) not found in " + csv + ". Its columns are: score.");
    }

    @Test
    void anExcludedColumnIsNamedByFieldTypeNotByItsTypeWord() {
        assertRefused(CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--field-type", "score=" + SECRET,
                "--infer", "--exclude-columns", "score"), "Error: Column 'score' is named by --field-type but "
                + "excluded by --exclude-columns 'score'; drop one of the two.");
    }
}
