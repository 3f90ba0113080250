package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Credentials come from the injected environment, a file or flags, and never show in the output. */
class CloudCredentialsTest {
    private static final String KEY = "key-7f3a";
    private static final String SECRET = "secret-9b1c-never-printed";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(
            EmulatorConfig.builder().apiKey(KEY).apiSecret(SECRET).build());

    @TempDir
    Path dir;

    private String[] upload(String dataset, String... extra) throws IOException {
        EMULATOR.emulator().addDataset(dataset, Examples.filenames());
        List<String> args = new ArrayList<>(List.of("upload", "--csv", Examples.METADATA.toString(), "--dataset-id",
                dataset, "--state-dir", dir.resolve("state").toString(), "--float-fields", "confidence"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void readsTheServerKeyAndSecretFromTheEnvironment() throws IOException {
        Map<String, String> env = Map.of("VL_BASE_URL", EMULATOR.emulator().baseUrl(), "VL_API_KEY", KEY,
                "VL_API_SECRET", SECRET);

        CliRun run = CliRun.of(env, dir, upload("from-env"));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out()).contains("Base URL: " + EMULATOR.emulator().baseUrl())
                .contains("Successfully uploaded: 1/1 field");
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
        assertThat(EMULATOR.emulator().values("from-env", "confidence")).hasSize(12);
    }

    @Test
    void readsTheSecretFromAFile() throws IOException {
        Path secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");

        CliRun run = CliRun.of(Map.of(), dir, upload("from-file", "--base-url", EMULATOR.emulator().baseUrl(),
                "--api-key", KEY, "--api-secret-file", secretFile.toString()));

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void aWrongSecretIsOneLineOnStderrWithoutTheSecret() throws IOException {
        String wrong = "wrong-secret-also-never-printed";

        CliRun run = CliRun.of(Map.of("VL_API_KEY", KEY, "VL_API_SECRET", wrong), dir,
                upload("wrong-secret", "--base-url", EMULATOR.emulator().baseUrl()));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: ").hasLineCount(1);
        assertThat(run.out() + run.err()).doesNotContain(wrong).doesNotContain(SECRET).doesNotContain("\tat ");
        assertThat(EMULATOR.emulator().schema("wrong-secret")).isEmpty();
    }

    @Test
    void aKeyWithoutASecretIsAUsageError() throws IOException {
        CliRun run = CliRun.of(Map.of("VL_API_KEY", KEY), dir,
                upload("half-credentials", "--base-url", EMULATOR.emulator().baseUrl()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: An API key is given without an API secret: pass --api-secret-file "
                + "(or set VL_API_SECRET).\n");
    }
}
