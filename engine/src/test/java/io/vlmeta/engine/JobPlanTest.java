package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JobRunner#plan}: the job decided, nothing validated or sent. */
class JobPlanTest {
    private static final Plugins PLUGINS = Plugins.discover(List.of());

    @TempDir
    Path dir;

    private JobSpec.Builder spec() throws IOException {
        Path input = Files.write(dir.resolve("data.pipe"), List.of("file_fullpath|score|status|note|empty",
                "a.jpg|1.5|ok|first|", "b.jpg|2|ok|second|", "c.jpg|3|bad|third|"));
        return JobSpec.builder().mode(JobSpec.Mode.VALIDATE).input(input).sinkName("recording");
    }

    private static JobPlan plan(JobSpec.Builder spec) {
        return new JobRunner(PLUGINS).plan(spec.build(), JobListener.NONE);
    }

    @Test
    void plansNamedAndInferredColumnsWithWhyAndSaysWhyTheOthersAreLeftOut() throws IOException {
        JobPlan plan = plan(spec().fields("string", List.of("status")).infer(true)
                .columnSelection(ColumnSelection.of(List.of("s*", "empty"), List.of())));

        assertThat(plan.source()).isEqualTo("pipe");
        assertThat(plan.keyColumn()).isEqualTo("file_fullpath");
        assertThat(plan.fields()).extracting(FieldPlan::column, FieldPlan::type, FieldPlan::reason).containsExactly(
                tuple("score", "float", "inferred: every one of 3 values is a number"),
                tuple("status", "string", "--string-fields"));
        assertThat(plan.leftOut()).containsExactly(Map.entry("note", "not matched by --columns"),
                Map.entry("empty", "no values"));
    }

    @Test
    void aReasonGivenForANamedColumnReplacesTheFlagsName() throws IOException {
        JobPlan plan = plan(spec().fields("float", List.of("score"))
                .fieldReasons(Map.of("score", "plan.yaml: inferred: every one of 3 values is a number")));

        assertThat(plan.fields().get(0).reason()).isEqualTo("plan.yaml: inferred: every one of 3 values is a number");
        assertThat(plan.leftOut()).containsEntry("note", "not named by a type flag (and no --infer)");
    }

    @Test
    void aNamedColumnThatIsAlsoExcludedIsAContradiction() throws IOException {
        assertThatThrownBy(() -> plan(spec().fields("float", List.of("score")).infer(true)
                .columnSelection(ColumnSelection.of(List.of(), List.of("sc*")))))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Column 'score' is named by --float-fields but excluded by --exclude-columns 'sc*'; "
                        + "drop one of the two.");
    }

    @Test
    void aMisspelledNamedColumnGetsASuggestion() throws IOException {
        assertThatThrownBy(() -> plan(spec().fields("enum", List.of("stauts"))))
                .isInstanceOf(VlmetaException.class)
                .hasMessageContaining("Column 'stauts' (--enum-fields; did you mean 'status'?) not found in");
    }

    @Test
    void anUnknownTypeNamesTheColumnWhereItCameFromAndACloseType() throws IOException {
        assertThatThrownBy(() -> plan(spec().fields("flaot", List.of("score"))
                .fieldReasons(Map.of("score", "plan.yaml: --float-fields"))))
                .isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith("Column 'score' (plan.yaml: --float-fields) has the unknown field type "
                        + "'flaot'; did you mean 'float'? Known types: ");
    }

    @Test
    void anUnknownTypeFarFromEveryKnownOneIsNotShown() throws IOException {
        assertThatThrownBy(() -> plan(spec().fields("S3CRq", List.of("score"))
                .fieldReasons(Map.of("score", "--field-type"))))
                .isInstanceOf(VlmetaException.class)
                .hasMessageStartingWith("Column 'score' (--field-type) has a field type no installed plugin provides. "
                        + "Known types: ")
                .hasMessageNotContaining("S3CRq");
    }
}
