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
    void aLoneWordThatNamesNoFileIsNotShownAsItMayBeTheSecretItself() {
        CliRun run = upload(Path.of("SUPERSECRET123"));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(1);
        assertThat(run.err()).as(run.both()).contains("Error: Cannot read --api-secret-file: no file of the name "
                + "given exists (not shown: it may be the secret itself); give the path of a file holding the secret, "
                + "e.g. --api-secret-file ~/.vlmeta/secret.");
        assertThat(run.both()).doesNotContain("SUPERSECRET123");
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

    @Test
    void aFileOfMoreThanOneLineIsRefusedNamingTheFileAndItsLinesButNotWhatTheyHold() throws IOException {
        Path twoLines = Files.writeString(dir.resolve("two.txt"), "hunter2-secret\nkey: k1-note\n");
        Path threeLines = Files.writeString(dir.resolve("three.txt"), "\r\nhunter2-secret\r\n\r\nmore\r\nlast");

        CliRun two = upload(twoLines);
        CliRun three = upload(threeLines);

        assertThat(two.exitCode()).as(two.both()).isEqualTo(2);
        assertThat(two.err()).isEqualTo("Error: --api-secret-file " + twoLines + " holds 2 lines that are not empty; "
                + "it must hold the API secret alone, on one line (a line break after it is fine).\n");
        assertThat(three.err()).contains("--api-secret-file " + threeLines + " holds 3 lines that are not empty");
        assertThat(two.both() + three.both()).doesNotContain("hunter").doesNotContain("k1-note").doesNotContain("more")
                .doesNotContain("last");
    }

    @Test
    void aSecretOnOneLineWithALineBreakAfterItIsTaken() throws IOException {
        Path oneLine = Files.writeString(dir.resolve("one.txt"), "hunter2-secret\r\n");

        JobSpecs.Credentials credentials = JobSpecs.credentials("k1", null, oneLine,
                new CliContext(Map.of(), System.out, System.err, false, dir));

        assertThat(credentials.apiSecret().reveal()).isEqualTo("hunter2-secret");
    }

    @Test
    void aByteOrderMarkBeforeTheSecretIsNotSentAsPartOfIt() throws IOException {
        Path bom = Files.write(dir.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'S', '3',
                'C', 'R', 'E', 'T', '\r', '\n'});
        Path onlyBom = Files.writeString(dir.resolve("only-bom.txt"), "\uFEFF\n");

        JobSpecs.Credentials credentials = JobSpecs.credentials("k1", null, bom,
                new CliContext(Map.of(), System.out, System.err, false, dir));
        CliRun empty = upload(onlyBom);

        assertThat(credentials.apiSecret().reveal()).isEqualTo("S3CRET");
        assertThat(empty.exitCode()).as(empty.both()).isEqualTo(2);
        assertThat(empty.err()).isEqualTo("Error: --api-secret-file " + onlyBom + " is empty.\n");
    }
}
