package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --infer} on columns of comma-separated text: lists of repeating tags become a multi-enum,
 * free text with commas does not (a field, once created, cannot change type).
 */
class ListInferenceTest {
    private static final String NOWHERE = "http://127.0.0.1:9";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    /** Writes a CSV with a key column and the one column given, then validates it offline with --infer. */
    private CliRun infer(String column, List<String> values, String... extra) throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath," + column));
        for (int i = 0; i < values.size(); i++) {
            lines.add("img_" + i + ".jpg,\"" + values.get(i).replace("\"", "\"\"") + "\"");
        }
        Path csv = Files.write(dir.resolve("metadata.csv"), lines, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("validate", "--csv", csv.toString(), "--base-url", NOWHERE,
                "--infer"));
        args.addAll(List.of(extra));
        return CliRun.of(Map.of(), dir, args.toArray(String[]::new));
    }

    @Test
    void uploadsTheExamplesTagsColumnAsAMultiEnumWhenInferred() throws IOException {
        EMULATOR.emulator().addDataset("examples", Examples.filenames());

        CliRun run = CliRun.of(Map.of(), dir, "upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                "examples", "--base-url", EMULATOR.emulator().baseUrl(), "--state-dir", dir.resolve("state").toString(),
                "--infer");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   tags: multi-enum (inferred: 12 values are comma-separated lists; "
                + "13 distinct items repeat across 30 items)\n");
        assertThat(EMULATOR.emulator().schema("examples")).contains(Map.of("field_name", "tags", "field_type", "enum",
                "is_multi", true, "enum_options", List.of("animal", "bicycle", "industrial", "low-light", "park",
                        "pedestrian", "reflection", "traffic-light", "urban", "vegetation", "vehicle", "vessel",
                        "water")));
        Object street001 = EMULATOR.emulator().values("examples", "tags")
                .get(EMULATOR.emulator().mediaId("examples", "images/street_001.jpg"));
        assertThat(street001).isEqualTo(List.of("urban", "bicycle", "traffic-light"));
    }

    @Test
    void keepsRepeatedValuesLongerThanAnEnumOptionAString() throws IOException {
        // repeated, so an enum by count; but 25 characters is over the option limit of 20, which the enum
        // type would refuse: the column is a string, and validation passes
        String longer = "Awaiting second radiology";
        CliRun run = infer("review", List.of(longer, longer, longer, "done", "done", "done"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   review: string (inferred: 2 distinct values in 6: free text)\n");
    }

    @Test
    void countsSpellingsThatAreOneOptionInNfcOnce() throws IOException {
        // "Café" as macOS writes it (e + U+0301) and as most tools do (U+00E9) is one option when declared
        CliRun run = infer("drink", List.of("Caf\u00e9", "Cafe\u0301", "Caf\u00e9", "Tea", "Tea", "Cafe\u0301"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   drink: enum (inferred: 2 distinct values repeat across 6 values)\n");
    }

    @Test
    void keepsJsonArraysOfNumbersAString() throws IOException {
        // lists by shape, but a multi-enum takes strings only: inferred multi-enum, every row would be refused
        CliRun run = infer("spacing", List.of("[1, 2]", "[1, 2]", "[0.5, 0.5]", "[1, 2]"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   spacing: string (inferred: ");
    }

    @Test
    void infersJsonArraysWithAnEmptyOneAMultiEnum() throws IOException {
        CliRun run = infer("tags", List.of("[\"red\", \"green\"]", "[]", "[\"red\"]"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   tags: multi-enum (inferred: every one of 3 values is a list)\n");
    }

    @Test
    void infersAnEmptyJsonArrayAmongCommaSeparatedTagsAMultiEnum() throws IOException {
        // [] is an empty list in the JSON form; it no longer rules out the comma-separated lists beside it
        CliRun run = infer("tags", List.of("cat, dog", "[]", "dog, bird", "cat", "bird, cat"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   tags: multi-enum (inferred: every one of 5 values is a list: 1 JSON array, "
                + "3 comma-separated lists, 1 single item)\n");
    }

    @Test
    void keepsTagsWrittenOnePerLineOrWithSemicolonsOutOfMultiEnumBesideAJsonArray() throws IOException {
        // a multi-enum splits at commas only: it would send "cat\ndog" or "cat; dog" as one option
        CliRun lines = infer("tags", List.of("[\"cat\", \"dog\"]", "cat\ndog", "dog", "cat"));
        CliRun semicolons = infer("tags", List.of("[\"cat\", \"dog\"]", "cat; dog", "dog", "cat"));

        assertThat(lines.out()).as(lines.both()).contains("   tags: string (inferred: 4 distinct values in 4: free text)\n");
        assertThat(semicolons.out()).as(semicolons.both())
                .contains("   tags: string (inferred: 4 distinct values in 4: free text)\n");
    }

    @Test
    void keepsJsonArraysWithMoreDistinctItemsThanTheEnumLimitAString() throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            values.add("[\"tag" + i + "\", \"common\"]");
        }
        CliRun run = infer("tags", values);

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   tags: string (inferred: ");
    }

    @Test
    void keepsSentencesWithCommasAsStrings() throws IOException {
        CliRun run = infer("remark", List.of("Yes, the light was red", "No, it was green", "Sunny, then rain",
                "Clear sky", "Late, but fine", "Blurred, retake it"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   remark: string (inferred: 6 distinct values in 6: free text)\n");
    }

    @Test
    void keepsShortRemarksWhosePartsDoNotRepeatAnEnum() throws IOException {
        // the parts are short enough to be options, but "late" and "but fine" occur once: a remark, not tags
        CliRun run = infer("status", List.of("ok", "ok", "ok", "late, but fine", "ok", "ok"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   status: enum (inferred: 2 distinct values repeat across 6 values)\n");
    }

    @Test
    void keepsShortPhrasesWithUniquePartsAStringEvenWhenSomeWordsRepeat() throws IOException {
        CliRun run = infer("answer", List.of("Yes, definitely", "Yes, probably", "No, never", "No, probably not",
                "Maybe, later", "Yes, at once"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   answer: string (inferred: 6 distinct values in 6: free text)\n");
    }

    @Test
    void doesNotSplitNumbersWrittenWithADecimalComma() throws IOException {
        CliRun run = infer("weight", List.of("12,5", "3,25", "12,5", "1,5", "3,25", "12,5", "12,5"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   weight: enum (inferred: 3 distinct values repeat across 7 values)\n");
    }

    @Test
    void doesNotTypeNumberVectorsAsMultiEnumsWhichWouldLoseTheirOrderAndRepeats() throws IOException {
        CliRun spacing = infer("pixel_spacing", List.of("0.5,0.5", "0.5,0.5", "0.5,0.5", "0.25,0.25"));
        CliRun pairs = infer("direction", List.of("0.5,0.7", "0.5,0.7", "0.25,0.7", "0.5,0.7"));

        assertThat(spacing.out()).as(spacing.both())
                .contains("   pixel_spacing: string (inferred: 2 distinct values in 4: free text)\n");
        assertThat(pairs.out()).as(pairs.both())
                .contains("   direction: string (inferred: 2 distinct values in 4: free text)\n");
    }

    @Test
    void typesListsOfRepeatingTagsAsAMultiEnumEvenWhenSomeCellsHoldOneTag() throws IOException {
        CliRun run = infer("labels", List.of("cat", "cat, dog", "dog", "bird, cat", "dog, bird", "cat"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   labels: multi-enum (inferred: 3 values are comma-separated lists; "
                + "3 distinct items repeat across 9 items)\n");
    }

    @Test
    void keepsListsWhoseItemsExceedTheOptionLengthStrings() throws IOException {
        CliRun run = infer("parts", List.of("front bumper assembly, rear bumper", "front bumper assembly, hood",
                "hood, rear bumper", "front bumper assembly, hood"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("   parts: ").doesNotContain("   parts: multi-enum");
    }

    @Test
    void keepsListsWithMoreDistinctItemsThanTheEnumLimitOutOfMultiEnum() throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            values.add("x" + (i % 3) + ", y" + (i % 2));
        }

        CliRun within = infer("codes", values);
        CliRun beyond = infer("codes", values, "--enum-limit", "4");

        assertThat(within.out()).as(within.both()).contains("   codes: multi-enum (inferred: 6 values are "
                + "comma-separated lists; 5 distinct items repeat across 12 items)\n");
        assertThat(beyond.out()).as(beyond.both()).contains("   codes: string (inferred: ");
    }
}
