package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, launched as users launch it: {@code java -jar cli/target/vlmeta.jar ...}. */
class JarIT {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    private VlmetaJar.Launch launch(Path workingDir, String... args) throws IOException, InterruptedException {
        return VlmetaJar.run(workingDir, dir.resolve("streams"), List.of(args));
    }

    @Test
    void printsItsVersion() throws Exception {
        VlmetaJar.Launch run = launch(dir, "--version");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).startsWith("vlmeta 0.1.0");
    }

    @Test
    void findsEveryModulesPluginsThroughTheMergedServiceFiles() throws Exception {
        VlmetaJar.Launch run = launch(dir, "plugins");

        assertThat(run.exitCode()).as(run.both()).isZero();
        for (String plugin : List.of("csv", "xlsx", "dicom-sidecar", "string", "float", "datetime", "enum",
                "multi-enum", "link", "visual-layer", "report")) {
            assertThat(run.out()).containsPattern("(?m)^\\S+ +" + plugin + " +vlmeta\\.jar ");
        }
    }

    @Test
    void runsTheDemoFromAnyFolderWithTheBundledExamples() throws Exception {
        VlmetaJar.Launch run = launch(dir, "demo");

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("the bundled examples").contains("Successfully uploaded: 6/6 fields");
    }

    @Test
    void uploadsAndRefusesLikeTheInProcessCommand() throws Exception {
        EMULATOR.emulator().addDataset("from-jar", Examples.filenames());
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                "from-jar", "--base-url", EMULATOR.emulator().baseUrl()));
        args.addAll(Examples.typeFlags());

        VlmetaJar.Launch uploaded = launch(dir, args.toArray(String[]::new));
        VlmetaJar.Launch usage = launch(dir, "upload", "--no-such-flag");

        assertThat(uploaded.exitCode()).as(uploaded.both()).isZero();
        assertThat(uploaded.out()).endsWith("Successfully uploaded: 6/6 fields\n");
        assertThat(EMULATOR.emulator().schema("from-jar")).hasSize(6);
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).startsWith("Error: Unknown option: '--no-such-flag'\n");
    }

    /**
     * Validates one row of metadata (a string field) against a generated export, in a heap of the size given.
     *
     * @param media  the export's media items, {@code images/shard-SSS/img-NNNNNNN.jpg} with UUIDs (0x1234, N)
     * @param heap   the -Xmx option
     * @param extra  more arguments for validate
     */
    private VlmetaJar.Launch validateOneRowAgainst(int media, String heap, String... extra) throws Exception {
        Path export = dir.resolve("export.csv");
        try (var out = java.nio.file.Files.newBufferedWriter(export)) {
            out.write("filename,media_id\n");
            for (int i = 0; i < media; i++) {
                out.write(String.format("images/shard-%03d/img-%07d.jpg,%s%n", i / 10_000, i,
                        new java.util.UUID(0x1234L, i)));
            }
        }
        Path metadata = java.nio.file.Files.writeString(dir.resolve("metadata.csv"),
                "file_fullpath,label\nimages/shard-000/img-0000001.jpg,a\n");
        List<String> args = new ArrayList<>(List.of("validate", "--csv", metadata.toString(), "--export-file",
                export.toString(), "--string-fields", "label"));
        args.addAll(List.of(extra));
        return VlmetaJar.start(dir, dir.resolve("streams"), List.of(heap), args).await();
    }

    @Test
    void theJsonSummaryListsEveryMediaItemWithoutAValueInAHeapThatCannotHoldTheListAsText() throws Exception {
        // 400,000 media without a value are 40 MB of JSON: as a String (and the chars it is built from) they
        // would not fit a 64 MB heap beside the media index; written as they are read, they need no room
        int media = 400_000;

        VlmetaJar.Launch run = validateOneRowAgainst(media, "-Xmx64m", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode coverage = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(run.out()).get("coverage");
        assertThat(coverage.get("without_values").asInt()).isEqualTo(media - 1);
        assertThat(coverage.get("without")).hasSize(media - 1);
        assertThat(coverage.get("without").get(0).get("path").asText()).isEqualTo("images/shard-000/img-0000000.jpg");
        assertThat(coverage.get("without").get(media - 2).get("media_id").asText())
                .isEqualTo(new java.util.UUID(0x1234L, media - 1).toString());
        assertThat(run.out()).endsWith("}\n");
    }

    @Test
    void runningOutOfHeapSaysHowToGiveItMoreInsteadOfATrace() throws Exception {
        // an export of 600,000 media needs a media index of about 50 MB: more than a 24 MB heap holds
        VlmetaJar.Launch run = validateOneRowAgainst(600_000, "-Xmx24m");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).contains("vlmeta ran out of memory (its Java heap was")
                .contains("VLMETA_JAVA_OPTS=-Xmx2g").doesNotContain("at io.vlmeta").doesNotContain("Exception");
    }
}
