package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --columns} and {@code --exclude-columns} on DICOM sidecars, where {@code --infer} alone
 * picks up hundreds of attributes (297 in the dcmtk folder, most of them private tags or patient data).
 */
class DicomPlanTest {
    private static final Path DCMTK = SharedFixtures.DICOM.resolve("json-model-dcmtk");

    @TempDir
    Path dir;

    private JsonNode plan(String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("plan", "--input", DCMTK.toString(), "--infer"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(Map.of(), dir, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.both()).isZero();
        return new YAMLMapper().readTree(run.out());
    }

    private static List<JsonNode> entries(JsonNode list, Predicate<String> name) {
        List<JsonNode> kept = new ArrayList<>();
        list.forEach(entry -> {
            if (name.test(entry.get("name").asText())) {
                kept.add(entry);
            }
        });
        return kept;
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }

    @Test
    void columnsGlobsLimitInferenceToTheColumnsTheyMatch() throws IOException {
        JsonNode everything = plan();
        JsonNode chosen = plan("--columns", "Study*,Modality");

        assertThat(everything.get("columns").size()).isGreaterThan(250);
        assertThat(names(chosen.get("columns"))).containsExactly("StudyDate", "StudyTime", "Modality",
                "StudyDescription", "StudyInstanceUID", "StudyID");
        assertThat(entries(chosen.get("columns"), name -> true)).isEqualTo(entries(everything.get("columns"),
                name -> name.startsWith("Study") || name.equals("Modality")));
        assertThat(chosen.at("/columns/0/why").asText()).isEqualTo("from the source: DA (0008,0020)");
        assertThat(chosen.get("left-out").size() + chosen.get("columns").size())
                .isEqualTo(everything.get("columns").size());
        assertThat(entries(chosen.get("left-out"), "PatientName"::equals).get(0).get("why").asText())
                .isEqualTo("not matched by --columns");
    }

    @Test
    void excludeColumnsGlobsLeaveTheMatchingColumnsOutAndSayWhich() throws IOException {
        JsonNode everything = plan();
        JsonNode chosen = plan("--exclude-columns", "Patient*,tag_????????");

        Predicate<String> excluded = name -> name.startsWith("Patient") || name.matches("tag_.{8}");
        assertThat(names(chosen.get("columns"))).noneMatch(excluded).contains("Modality", "StudyDate", "Rows");
        assertThat(entries(chosen.get("columns"), name -> true).equals(entries(everything.get("columns"),
                excluded.negate()))).as("the other columns keep their types and reasons").isTrue();
        assertThat(entries(chosen.get("left-out"), "PatientName"::equals).get(0).get("why").asText())
                .isEqualTo("excluded by --exclude-columns 'Patient*'");
        assertThat(entries(chosen.get("left-out"), "tag_00091001"::equals).get(0).get("why").asText())
                .isEqualTo("excluded by --exclude-columns 'tag_????????'");
    }

    @Test
    void aSidecarFolderPlanValidatesThroughPlan() throws IOException {
        Path planFile = dir.resolve("dicom-plan.yaml");
        CliRun planning = CliRun.of(Map.of(), dir, "plan", "--input", DCMTK.toString(), "--infer", "--columns",
                "Study*,Modality,Rows", "-o", planFile.toString());

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--plan", planFile.toString(), "--report",
                dir.resolve("r.html").toString());

        assertThat(planning.exitCode()).as(planning.both()).isZero();
        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   Rows: float (dicom-plan.yaml: from the source: US (0028,0010))\n")
                .contains("Ready to upload: 7/7 fields");
        assertThat(run.err()).doesNotContain("changed", "overrides");
    }

    @Test
    void aPlansSourceOptionTheDicomSourceCannotReadIsRefusedAsThePlansKeyOnItsLine() throws IOException {
        Path plan = dir.resolve("plan.yaml");
        CliRun planning = CliRun.of(Map.of(), dir, "plan", "--input", DCMTK.toString(), "--columns", "Modality",
                "--infer", "--source-option", "field-names=keyword", "-o", plan.toString());
        assertThat(planning.exitCode()).as(planning.both()).isZero();
        String text = java.nio.file.Files.readString(plan);
        java.nio.file.Files.writeString(plan, text.replace("field-names: keyword", "field-names: S3CRET"));
        List<String> lines = java.nio.file.Files.readAllLines(plan);
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("S3CRET")).findFirst().orElseThrow()) + 1;

        CliRun run = CliRun.of(Map.of(), dir, "validate", "--plan", plan.toString());

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: Plan " + plan + ", line " + line + ", input.options.field-names: not "
                + "keyword or snake, the namings it takes.\n");
    }
}
