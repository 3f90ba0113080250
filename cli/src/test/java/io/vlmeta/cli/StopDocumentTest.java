package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopDocumentTest {
    private static final List<String> ABORT = List.of("Stopped at once (second signal). The journal records every "
            + "request that was started; to continue, run:", "  vlmeta upload --csv a.csv --dataset-id d --resume",
            "  (The API secret given with --api-secret is not repeated here: set VL_API_SECRET to it (or pass "
                    + "--api-secret-file FILE) before running this.)");

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aForcedStopOnAFreeStandardOutputWritesTheStoppedDocumentWithItsLinesAsTheError() throws Exception {
        StdoutClaim claim = new StdoutClaim();

        StopDocument.json(out, claim).writeFor(ABORT);

        JsonNode json = new ObjectMapper().readTree(written());
        assertThat(json.get("status").asText()).isEqualTo("stopped");
        assertThat(json.get("exit_code").asInt()).isEqualTo(130);
        assertThat(json.get("error").asText()).isEqualTo(String.join("\n", ABORT));
        assertThat(json.size()).isEqualTo(3);
        assertThat(written()).hasLineCount(1);
        assertThat(claim.owner()).isEqualTo(StdoutClaim.Owner.FORCED_STOP);
    }

    @Test
    void aForcedStopAddsNothingToTheJobsStartedDocument() {
        StdoutClaim claim = new StdoutClaim();
        claim.claimForTheJob();

        StopDocument.json(out, claim).writeFor(ABORT);

        assertThat(written()).isEmpty();
        assertThat(claim.owner()).isEqualTo(StdoutClaim.Owner.JOB);
    }

    @Test
    void aSecondForcedStopAddsNoSecondDocument() {
        StdoutClaim claim = new StdoutClaim();
        StopDocument document = StopDocument.json(out, claim);

        document.writeFor(ABORT);
        document.writeFor(List.of("Stopped at once: the job did not end within 5 s. Nothing was sent."));

        assertThat(written()).hasLineCount(1).doesNotContain("5 s");
    }

    @Test
    void withoutJsonAForcedStopWritesNothingOnStandardOutput() {
        StopDocument.NONE.writeFor(ABORT);

        assertThat(written()).isEmpty();
    }
}
