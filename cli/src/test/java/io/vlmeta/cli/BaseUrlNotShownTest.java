package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --base-url that is no address at all may be a secret typed in its place ({@code --base-url "$VL_API_SECRET"}):
 * it is refused without being shown, while an address missing only its scheme is shown with https:// before it.
 */
class BaseUrlNotShownTest {
    private static final String SECRET_LIKE = "-xS3CRq";

    @TempDir
    Path dir;

    private CliRun plan(String url, Path plan) throws IOException {
        Path csv = Files.copy(Examples.METADATA, dir.resolve("metadata.csv"));
        return CliRun.of(Map.of(), dir, "plan", "--csv", csv.toString(), "--infer", "--dataset-id", "d1",
                // given with = so that a value starting with a dash is read as the option's value, not as an option
                "--base-url=" + url, "-o", plan.toString());
    }

    @Test
    void aValueThatIsNoAddressIsRefusedWithoutEchoingIt() throws IOException {
        Path plan = dir.resolve("plan.yaml");

        CliRun run = plan(SECRET_LIKE, plan);

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: The base URL given is not an http:// or https:// address, e.g. "
                + "http://localhost:2080 or https://app.visual-layer.com.\n");
        assertThat(run.both()).doesNotContain("S3CRq");
        assertThat(plan).doesNotExist();
    }

    @Test
    void anAddressWithoutItsSchemeIsShownWithHttpsBeforeIt() throws IOException {
        CliRun run = plan("vl.example.com:8443", dir.resolve("plan.yaml"));

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: The base URL 'vl.example.com:8443' is not an http:// or https:// "
                + "address: give it with its scheme, e.g. https://vl.example.com:8443.\n");
    }
}
