package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Plan, then upload with the plan, through the packaged jar (its shaded YAML reader and writer included). */
class PlanJarIT {
    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder().build());

    @TempDir
    Path dir;

    @Test
    void aPlanPrintedOnStandardOutputUploadsThroughThePackagedJar() throws Exception {
        EMULATOR.emulator().addDataset("jar-plan", Examples.filenames());

        VlmetaJar.Launch planning = VlmetaJar.run(dir, dir.resolve("streams-plan"), List.of("plan", "--csv",
                Examples.METADATA.toString(), "--infer", "--dataset-id", "jar-plan", "--base-url",
                EMULATOR.emulator().baseUrl()));
        Path plan = Files.writeString(dir.resolve("plan.yaml"), planning.out());
        VlmetaJar.Launch upload = VlmetaJar.run(dir, dir.resolve("streams-upload"), List.of("upload", "--plan",
                plan.toString()));

        assertThat(planning.exitCode()).as(planning.both()).isZero();
        assertThat(planning.out()).startsWith(PlanYaml.HEADER + "version: 1\n");
        assertThat(planning.err()).contains("6 fields, 0 left out");
        assertThat(upload.exitCode()).as(upload.both()).isZero();
        assertThat(upload.out()).endsWith("Successfully uploaded: 6/6 fields\n");
        assertThat(EMULATOR.emulator().schema("jar-plan")).hasSize(6);
    }
}
