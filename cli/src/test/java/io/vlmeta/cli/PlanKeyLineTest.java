package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line a plan's refusal names for a key under maps: where the key stands, whatever comes before it. */
class PlanKeyLineTest {
    private static final String PLAN = """
            version: 1
            input:
              path: m.csv
              options: {delimiter: ";"}
            columns:
              - name: upload
                type: string
            upload:
              batch-size: 0
              sink-options:
                retry-max-attempts: x
            field-settings:
              timezone: Mars
            """;

    @Test
    void aKeyUnderMapsIsFoundOnItsOwnLine() {
        assertThat(PlanColumns.keyLine(PLAN, "upload.batch-size")).isEqualTo(9);
        assertThat(PlanColumns.keyLine(PLAN, "upload.sink-options.retry-max-attempts")).isEqualTo(11);
        assertThat(PlanColumns.keyLine(PLAN, "field-settings.timezone")).isEqualTo(13);
        assertThat(PlanColumns.keyLine(PLAN, "input.options.delimiter")).isEqualTo(4);
    }

    @Test
    void aListsEntryAndAKeyInsideItAreFoundByTheirPlaceFromOne() {
        assertThat(PlanColumns.keyLine(PLAN, "columns[1]")).isEqualTo(6);
        assertThat(PlanColumns.keyLine(PLAN, "columns[1].type")).isEqualTo(7);
        assertThat(PlanColumns.keyLine(PLAN, "columns[2]")).isZero();
        assertThat(PlanColumns.keyLine(PLAN, "columns[1].why")).isZero();
    }

    @Test
    void aKeyTheTextDoesNotHoldHasNoLine() {
        assertThat(PlanColumns.keyLine(PLAN, "upload.task-timeout")).isZero();
        assertThat(PlanColumns.keyLine(PLAN, "matching.match-by")).isZero();
        assertThat(PlanColumns.keyLine("a: [b\n", "c")).isZero(); // text that is not YAML past a point
    }
}
