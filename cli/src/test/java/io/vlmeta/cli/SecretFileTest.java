package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An {@code --api-secret-file} that cannot be read is named with why, in words, and nothing of what it holds. */
class SecretFileTest {
    @TempDir
    Path dir;

    private CliRun upload(Path secretFile) {
        return CliRun.of(Map.of(), dir, "upload", "--csv", Examples.METADATA.toString(), "--dataset-id", "d1",
                "--base-url", "http://127.0.0.1:9", "--api-key", "k1", "--api-secret-file", secretFile.toString(),
                "--infer", "--state-dir", dir.resolve("state").toString());
    }

    @Test
    void aMissingSecretFileIsNamedAsMissingWithoutAJavaClassName() {
        Path missing = dir.resolve("S3CRET-file");

        CliRun run = upload(missing);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).contains("Error: Cannot read --api-secret-file " + missing + ": it does not exist.")
                .doesNotContain("Exception");
    }

    @Test
    void aFolderOrATextThatIsNotUtf8IsNamedSoAndWhatItHoldsIsNeverShown() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("secrets"));
        Path latin1 = dir.resolve("secret.txt");
        Files.write(latin1, new byte[] {'h', 'u', 'n', 't', 'e', 'r', (byte) 0xE9, '2'});

        CliRun asFolder = upload(folder);
        CliRun notUtf8 = upload(latin1);

        assertThat(asFolder.err()).contains("Cannot read --api-secret-file " + folder + ": it is a folder.");
        assertThat(notUtf8.err()).contains("Cannot read --api-secret-file " + latin1 + ": it is not UTF-8 text.")
                .doesNotContain("hunter").doesNotContain("Input length");
        assertThat(asFolder.exitCode()).isEqualTo(1);
        assertThat(notUtf8.exitCode()).isEqualTo(1);
    }
}
