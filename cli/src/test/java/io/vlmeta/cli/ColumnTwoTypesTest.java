package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A column given two types is refused naming the options that gave them, never a type word that is not built in:
 * the refusal comes before the plugins are known, and such a word may be a slip, a secret even.
 */
class ColumnTwoTypesTest extends OneRowCsvRefusals {
    private CliRun validate(String... more) {
        String[] args = new String[more.length + 3];
        System.arraycopy(new String[] {"validate", "--csv", csv}, 0, args, 0, 3);
        System.arraycopy(more, 0, args, 3, more.length);
        return CliRun.of(Map.of(), dir, args);
    }

    @Test
    void aTypeFlagAndAFieldTypeOfAWordNotBuiltInAreNamedByTheirOptionsAlone() {
        assertRefused(validate("--string-fields", "score", "--field-type", "score=" + SECRET), "Error: Column 'score' "
                + "is given two types, string by --string-fields and a type not built in by --field-type; give each "
                + "column one type.");
    }

    @Test
    void twoTypeFlagsAreNamedWithTheirBuiltInTypes() {
        assertRefused(validate("--float-fields", "score", "--multi-enum-fields", "score"), "Error: Column 'score' is "
                + "given two types, float by --float-fields and multi-enum by --multi-enum-fields; give each column "
                + "one type.");
    }

    @Test
    void aFieldTypeGivenTwiceForOneColumnWithTwoTypesIsRefusedWithoutEither() throws Exception {
        CliRun run = validate("--json", "--field-type", "score=float", "--field-type", "score=" + SECRET);

        assertRefused(run, "Error: Column 'score' is given two types by --field-type; give each column one type.");
        assertThat(new ObjectMapper().readTree(run.out()).get("error").asText())
                .isEqualTo("Column 'score' is given two types by --field-type; give each column one type.");
    }

    @Test
    void aFieldTypeGivenTwiceAlikeIsNoConflict() {
        CliRun run = validate("--field-type", "score=float", "--field-type", "score=float", "--report",
                dir.resolve("r.html").toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(0);
    }
}
