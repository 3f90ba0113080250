package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResumeCommandTest {

    /** As the jar run with {@code java -jar}, which names itself {@code vlmeta}. */
    private static ResumeCommand of(List<String> args) {
        return ResumeCommand.of(ResumeCommand.PROGRAM, args);
    }

    @Test
    void repeatsTheCommandLineWithResumeAddedOnce() {
        ResumeCommand once = of(List.of("upload", "--csv", "m.csv", "--dataset-id", "d1"));
        ResumeCommand already = of(List.of("upload", "--csv", "m.csv", "--resume"));

        assertThat(once.command()).isEqualTo("vlmeta upload --csv m.csv --dataset-id d1 --resume");
        assertThat(once.notes()).isEmpty();
        assertThat(already.command()).isEqualTo("vlmeta upload --csv m.csv --resume");
    }

    @Test
    void leavesOutAnApiSecretGivenOnTheCommandLineAndSaysWhereToPutIt() {
        ResumeCommand split = of(List.of("upload", "--api-key", "k1", "--api-secret", "s3cr3t",
                "--csv", "m.csv"));
        ResumeCommand joined = of(List.of("upload", "--api-secret=s3cr3t", "--csv", "m.csv"));

        assertThat(split.command()).isEqualTo("vlmeta upload --api-key k1 --csv m.csv --resume")
                .doesNotContain("s3cr3t");
        assertThat(joined.command()).isEqualTo("vlmeta upload --csv m.csv --resume");
        assertThat(split.notes()).containsExactly("The API secret given with --api-secret is not repeated here: set "
                + "VL_API_SECRET to it (or pass --api-secret-file FILE) before running this.");
    }

    @Test
    void replacesABaseUrlHoldingAPasswordByTheEnvironmentVariable() {
        ResumeCommand withPassword = of(List.of("upload", "--base-url", "https://u:pw@vl.example:2080"));
        ResumeCommand joined = of(List.of("upload", "--base-url=https://u:pw@vl.example"));
        ResumeCommand plain = of(List.of("upload", "--base-url", "http://localhost:2080"));

        assertThat(withPassword.command()).isEqualTo("vlmeta upload --base-url \"$VL_BASE_URL\" --resume");
        assertThat(joined.command()).isEqualTo("vlmeta upload --base-url \"$VL_BASE_URL\" --resume");
        assertThat(withPassword.notes()).hasSize(1);
        assertThat(plain.command()).isEqualTo("vlmeta upload --base-url http://localhost:2080 --resume");
    }

    @Test
    void replacesABaseUrlWithAUserNameAloneAsItMayBeAToken() {
        ResumeCommand token = of(List.of("upload", "--base-url", "https://ghp_T0k3n@vl.example"));
        ResumeCommand unencodedAt = of(List.of("upload", "--base-url", "http://user:p@ss@127.0.0.1:18555"));

        assertThat(token.command()).isEqualTo("vlmeta upload --base-url \"$VL_BASE_URL\" --resume");
        assertThat(unencodedAt.command()).isEqualTo("vlmeta upload --base-url \"$VL_BASE_URL\" --resume");
        assertThat(token.notes()).containsExactly("The base URL holds credentials and is not repeated here: set "
                + "VL_BASE_URL to it before running this.");
    }

    @Test
    void replacesABaseUrlHoldingASessionInAPathParameter() {
        ResumeCommand session = of(List.of("upload", "--base-url", "https://vl.example/api;jsessionid=S3SS10N"));

        assertThat(session.command()).isEqualTo("vlmeta upload --base-url \"$VL_BASE_URL\" --resume");
    }

    @Test
    void saysToPipeTheSameInputWhenItCameFromStandardInput() {
        ResumeCommand command = of(List.of("upload", "--csv", "-", "--dataset-id", "d1"));

        assertThat(command.command()).isEqualTo("vlmeta upload --csv - --dataset-id d1 --resume");
        assertThat(command.notes()).containsExactly("The input was read from standard input: pipe the same input "
                + "into this command.");
    }

    @Test
    void quotesWordsAShellWouldSplitOrExpand() {
        ResumeCommand command = of(List.of("upload", "--csv", "my data/it's $HOME.csv",
                "--string-fields", "a b", ""));

        assertThat(command.command()).isEqualTo("vlmeta upload --csv 'my data/it'\\''s $HOME.csv' --string-fields "
                + "'a b' '' --resume");
    }
}
