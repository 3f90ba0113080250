package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.VlmetaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlanYamlTest {
    /** The refusal of a file that is no YAML map at all. */
    private static final String NOT_A_PLAN = "Plan p.yaml: not a vlmeta plan, which is a YAML map of keys starting "
            + "with 'version: 1'; write one with 'vlmeta plan ... -o plan.yaml'.";
    /** What ends the refusal of a path that is no plan file to read. */
    private static final String TAKES_A_PLAN = "; --plan takes a plan file, as 'vlmeta plan ... -o plan.yaml' writes "
            + "one.";

    /** A plan whose columns list holds one whole entry, on lines 5 and 6: a second entry starts on line 7. */
    private static final String COLUMNS = "version: 1\ninput:\n  path: a.csv\ncolumns:\n  - name: a\n    type: float\n";
    /** What ends the refusal of a column entry without a name or a type. */
    private static final String NEEDS = "; every entry under 'columns' needs a 'name' and a 'type' (e.g. '- name: "
            + "score' and 'type: float').";

    @TempDir
    Path dir;

    private static PlanFile plan(List<PlanFile.Column> columns, Map<String, String> sourceOptions) {
        return new PlanFile(1,
                new PlanFile.Input("/data/metadata.csv", "csv", "file_fullpath", sourceOptions, 1849L,
                        "2026-12-01T01:19:13Z", null, "fc96cb97"),
                columns, List.of(new PlanFile.Column("notes", null, "no values")),
                new PlanFile.Settings(255, false, 600, 20, "Europe/Berlin", List.of("dd/MM/yyyy", "yyyy.MM.dd"),
                        Map.of()),
                new PlanFile.Matching("suffix", true, null), new PlanFile.PatientData(false, true),
                new PlanFile.Dataset("abc123", "https://app.visual-layer.com"),
                new PlanFile.Upload(5000, 2, "45m", Map.of("poll-interval-ms", "20")));
    }

    @Test
    void readsBackExactlyWhatItWrote() {
        PlanFile written = plan(List.of(new PlanFile.Column("score", "float", "--float-fields"),
                new PlanFile.Column("captured_at", "datetime", "inferred: every one of 12 values is a date")),
                Map.of("delimiter", ";", "encoding", "windows-1252"));

        String yaml = PlanYaml.write(written);

        assertThat(PlanYaml.parse(yaml, "plan.yaml")).isEqualTo(written);
        assertThat(yaml).startsWith(PlanYaml.HEADER + "version: 1\ninput:\n  path: /data/metadata.csv\n")
                .contains("\ncolumns:\n  - name: score\n    type: float\n    why: --float-fields\n")
                .contains("\nleft-out:\n  - name: notes\n    why: no values\n")
                .contains("\nupload:\n  batch-size: 5000\n  parallel: 2\n  task-timeout: 45m\n")
                .endsWith("\n");
    }

    @Test
    void keepsColumnNamesThatYamlWouldOtherwiseReadAsSomethingElse() {
        List<String> awkward = List.of("yes", "no", "null", "~", "true", "123", "00123", "1e3", "0x1F", "- x",
                "a: b", "#hash", "key #comment", "'quoted'", "\"double\"", "[list]", "{map}", "*alias", "&anchor",
                "!tag", "%percent", "@at", "`tick", "|pipe", ">fold", " leading", "trailing ", "tab\there",
                "line\nbreak", "Größe", "年齢", "😀", "2024-03-02", "12:30", "?", "-", "---", "...");
        Map<String, String> options = new LinkedHashMap<>();
        awkward.forEach(name -> options.put(name, name));
        PlanFile written = plan(awkward.stream().map(name -> new PlanFile.Column(name, "string", name)).toList(),
                options);

        PlanFile read = PlanYaml.parse(PlanYaml.write(written), "plan.yaml");

        assertThat(read.columns()).isEqualTo(written.columns());
        assertThat(read.input().options()).isEqualTo(options);
        assertThat(read).isEqualTo(written);
    }

    @Test
    void refusesAnUnknownKeyNamingItWithACloseKnownKey() {
        String yaml = PlanYaml.write(plan(List.of(), Map.of())).replace("  match-by:", "  match_by:");

        assertThatThrownBy(() -> PlanYaml.parse(yaml, "plan.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessageMatching("Plan plan\\.yaml, line \\d+, matching\\.match_by: unknown key; did you "
                        + "mean 'match-by'\\? Keys there: allow-unmatched, export-file, match-by\\.")
                .extracting(e -> ((VlmetaException) e).code().exitCode()).isEqualTo(2);
    }

    @Test
    void refusesAnUnknownTopLevelKey() {
        String yaml = "version: 1\ninput:\n  path: a.csv\ncolumn:\n  - name: a\n    type: float\n";

        assertThatThrownBy(() -> PlanYaml.parse(yaml, "p.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan p.yaml, line 4, column: unknown key; did you mean 'columns'? Keys there: columns, "
                        + "dataset, field-settings, input, left-out, matching, patient-data, upload, version.");
    }

    @Test
    void refusesAValueOfTheWrongKindNamingWhereItIs() {
        String yaml = "version: 1\ninput:\n  path: a.csv\nupload:\n  batch-size: lots\n";

        assertThatThrownBy(() -> PlanYaml.parse(yaml, "p.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan p.yaml, line 5, upload.batch-size: not a whole number; it takes the digits 0 to 9.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "0.4", "1.9", "0x0", "0x5EC", "1_000", "1e3", "+5", "0o17", ".inf"})
    void aWholeNumberTakesOnlyDecimalDigitsAsTheCommandLineDoes(String number) {
        String yaml = "version: 1\ninput:\n  path: a.csv\nfield-settings:\n  enum-option-max-length: " + number
                + "\n";

        assertThatThrownBy(() -> PlanYaml.parse(yaml, "p.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan p.yaml, line 5, field-settings.enum-option-max-length: not a whole number; it takes the digits 0 to 9.");
    }

    @Test
    void aWholeNumberTooLargeForItsKeyIsRefusedWithTheLargestItTakes() {
        String yaml = "version: 1\ninput:\n  path: a.csv\nupload:\n  batch-size: 2147483648\n";

        assertThatThrownBy(() -> PlanYaml.parse(yaml, "p.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan p.yaml, line 5, upload.batch-size: too large; it takes a whole number of at most "
                        + "2147483647.");
    }

    @Test
    void aNegativeWholeNumberIsReadSoItsLimitCanNameIt() {
        String yaml = "version: 1\ninput:\n  path: a.csv\n  size: 1849\nupload:\n  batch-size: -3\n";

        PlanFile plan = PlanYaml.parse(yaml, "p.yaml");

        assertThat(plan.upload().batchSize()).isEqualTo(-3);
        assertThat(plan.input().size()).isEqualTo(1849L);
    }

    @Test
    void refusesAPlanWithoutOrWithANewerVersion() {
        assertThatThrownBy(() -> PlanYaml.parse("input:\n  path: a.csv\n", "p.yaml"))
                .hasMessage("Plan p.yaml, version: missing; a plan written by this vlmeta starts with 'version: 1'.");
        assertThatThrownBy(() -> PlanYaml.parse("# mine\nversion: 2\ninput:\n  path: a.csv\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 2, version: 2 is not read by this vlmeta; it reads version 1 (write the "
                        + "plan again with this vlmeta's 'plan').");
    }

    @Test
    void refusesAColumnWithoutANameOrTypeNamingTheEntryAndWhatItLacks() {
        assertThatThrownBy(() -> PlanYaml.parse(COLUMNS + "  - name: b\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 7, columns[2]: no 'type'" + NEEDS);
        assertThatThrownBy(() -> PlanYaml.parse(COLUMNS + "  - type: float\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 7, columns[2]: no 'name'" + NEEDS);
        assertThatThrownBy(() -> PlanYaml.parse(COLUMNS + "  - why: none\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 7, columns[2]: no 'name' and no 'type'" + NEEDS);
    }

    @Test
    void aColumnsNameOrTypeGivenEmptyIsRefusedOnTheLineOfThatKey() {
        assertThatThrownBy(() -> PlanYaml.parse(COLUMNS + "  - name: \"\"\n    type: float\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 7, columns[2]: no 'name'" + NEEDS);
        assertThatThrownBy(() -> PlanYaml.parse(COLUMNS + "  - name: b\n    type: ' '\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 8, columns[2]: no 'type'" + NEEDS);
    }

    @Test
    void aKeyThatTakesTextGivenEmptyIsRefusedAsItsPathOnItsLine() {
        String plan = "version: 1\ninput:\n  path: a.csv\n";
        String leave = ": no value; give one, or remove the key to leave the default.";

        assertThatThrownBy(() -> PlanYaml.parse(plan + "  source: \"\"\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 4, input.source" + leave);
        assertThatThrownBy(() -> PlanYaml.parse(plan + "  path-column: ''\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 4, input.path-column" + leave);
        assertThatThrownBy(() -> PlanYaml.parse(plan + "matching:\n  export-file: ''\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 5, matching.export-file" + leave);
        assertThatThrownBy(() -> PlanYaml.parse(plan + "dataset:\n  id: \"\"\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 5, dataset.id" + leave);
        assertThatThrownBy(() -> PlanYaml.parse(plan + "dataset:\n  base-url: \" \"\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 5, dataset.base-url" + leave);
        assertThatThrownBy(() -> PlanYaml.parse("version: 1\ninput:\n  path: ''\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 3, input.path: no value; a plan names its input file or folder here.");
    }

    @Test
    void aColumnListedTwiceWithTwoTypesIsRefusedNamingItAndBothEntriesButNeitherType() {
        String yaml = "version: 1\ninput:\n  path: a.csv\ncolumns:\n  - name: score\n    type: float\n"
                + "  - name: label\n    type: enum\n  - type: t0kenS3CRq\n    name: score\n";

        assertThatThrownBy(() -> PlanYaml.parse(yaml, "p.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan p.yaml, line 9, columns[3]: column 'score' is listed twice with two types, in "
                        + "columns[1] and columns[3]; list each column once, with the one type it takes.");
    }

    @Test
    void aColumnListedTwiceAlikeIsOneColumnAndKeepsTheFirstEntry() {
        String yaml = "version: 1\ninput:\n  path: a.csv\ncolumns:\n  - name: score\n    type: float\n"
                + "    why: measured\n  - name: label\n    type: enum\n  - name: score\n    type: float\n";

        assertThat(PlanYaml.parse(yaml, "p.yaml").columns()).containsExactly(
                new PlanFile.Column("score", "float", "measured"), new PlanFile.Column("label", "enum", null));
    }

    @Test
    void refusesTextThatIsNotYaml() {
        assertThatThrownBy(() -> PlanYaml.parse("version: 1\ninput: {path: a.csv\n", "p.yaml"))
                .isInstanceOf(VlmetaException.class).hasMessageMatching("Plan p\\.yaml, line \\d+: not YAML \\(.+\\)\\.");
    }

    @Test
    void textThatIsNoYamlMapAtAllIsSaidToBeNoPlanWithHowToWriteOne() {
        for (String text : List.of("", "# only a comment\n", "file_fullpath,caption\na.jpg,x\n", "[1, 2]\n",
                "- a\n- b\n", "hello\n", "42\n", "~\n", "---\n", "version: 1\0\n")) {
            assertThatThrownBy(() -> PlanYaml.parse(text, "p.yaml")).as(text).isInstanceOf(VlmetaException.class)
                    .hasMessage(NOT_A_PLAN);
        }
    }

    @Test
    void aKeyGivenTwiceInOneMapIsRefusedNamingItAndTheLineOfTheSecond() {
        String text = "version: 1\ninput:\n  path: a.csv\ndataset:\n  id: d\n  id: S3CRET\n";

        assertThatThrownBy(() -> PlanYaml.parse(text, "p.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan p.yaml, line 6, dataset.id: given twice in the same map; give each key once.");
    }

    @Test
    void aKeyGivenTwiceInAListsEntryIsNamedByTheEntrysPath() {
        String text = "version: 1\ninput:\n  path: a.csv\ncolumns:\n  - name: a\n    type: float\n"
                + "  - name: b\n    type: float\n    name: c\n";

        assertThatThrownBy(() -> PlanYaml.parse(text, "p.yaml"))
                .hasMessage("Plan p.yaml, line 9, columns[2].name: given twice in the same map; give each key once.");
    }

    @Test
    void anUnknownKeyIsFoundOnItsOwnLineNotWhereTheSameNameStandsInAnotherMap() {
        String text = "version: 1\ninput:\n  path: a.csv\ndataset:\n  id: d\nupload:\n  id: x\n";

        assertThatThrownBy(() -> PlanYaml.parse(text, "p.yaml"))
                .hasMessageStartingWith("Plan p.yaml, line 7, upload.id: unknown key;");
    }

    @Test
    void aValueATagMakesUnreadableIsRefusedByItsLineWithoutTheDecodersWordsOrTheValue() {
        String text = "version: 1\ninput:\n  path: a.csv\n  source: !!binary S3CRET\n";

        assertThatThrownBy(() -> PlanYaml.parse(text, "p.yaml")).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan p.yaml, line 4: a value on this line cannot be read; a plan holds plain YAML text, "
                        + "numbers, lists and maps, without tags such as !!binary.");
    }

    @Test
    void aMissingPlanFileIsAUsageError() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> PlanYaml.read(missing)).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan " + missing + ": the file does not exist" + TAKES_A_PLAN)
                .extracting(e -> ((VlmetaException) e).code().exitCode()).isEqualTo(2);
    }

    @Test
    void readsAPlanFromAFile() throws Exception {
        PlanFile written = plan(List.of(new PlanFile.Column("score", "float", "--float-fields")), Map.of());
        Path file = Files.writeString(dir.resolve("plan.yaml"), PlanYaml.write(written));

        assertThat(PlanYaml.read(file)).isEqualTo(written);
    }

    @Test
    void aPlanThatIsAFolderIsSaidToBeOneWithoutAJavaName() throws java.io.IOException {
        Path folder = Files.createDirectories(dir.resolve("plan.yaml"));

        assertThatThrownBy(() -> PlanYaml.read(folder)).isInstanceOf(VlmetaException.class)
                .hasMessage("Plan " + folder + ": the file is a folder" + TAKES_A_PLAN)
                .extracting(e -> ((VlmetaException) e).code().exitCode()).isEqualTo(2);
    }

    @Test
    void anUnknownKeyWithoutASuggestionEndsItsSentenceBeforeTheKeysThere() {
        assertThatThrownBy(() -> PlanYaml.parse("version: 1\ninput:\n  path: a.csv\nupload:\n  zzz: 1\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 5, upload.zzz: unknown key; keys there: batch-size, parallel, "
                        + "sink-options, task-timeout.");
    }

    @Test
    void aQuoteNeverClosedIsNamedWithTheLineItOpensOn() {
        assertThatThrownBy(() -> PlanYaml.parse("version: 1\ninput:\n  path: \"a.csv\nmatching:\n  match-by: path\n",
                "p.yaml")).hasMessage("Plan p.yaml, line 3: not YAML; a quote opened on this line is never closed.");
    }

    @Test
    void aPlanWithoutAnInputPathIsRefusedAsTheKeyItLacks() {
        String lacking = "Plan p.yaml, input.path: missing; a plan names its input with 'input:' and 'path:' under it.";

        assertThatThrownBy(() -> PlanYaml.parse("version: 1\n", "p.yaml")).hasMessage(lacking);
        assertThatThrownBy(() -> PlanYaml.parse("version: 1\ninput:\n  source: csv\n", "p.yaml")).hasMessage(lacking);
    }

    @Test
    void aValueNotTrueOrFalseOrNotAListIsRefusedAsItsKey() {
        String plan = "version: 1\ninput:\n  path: a.csv\n";

        assertThatThrownBy(() -> PlanYaml.parse(plan + "matching:\n  allow-unmatched: [a]\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 5, matching.allow-unmatched: not true or false.");
        assertThatThrownBy(() -> PlanYaml.parse(plan + "columns: 3\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 4, columns: not a list.");
        assertThatThrownBy(() -> PlanYaml.parse(plan + "dataset: 3\n", "p.yaml"))
                .hasMessage("Plan p.yaml, line 4, dataset: not a map of keys.");
    }
}
