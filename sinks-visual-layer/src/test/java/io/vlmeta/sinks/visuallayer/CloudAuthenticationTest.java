package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.Secret;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The sink against a cloud-mode emulator that checks every token, and ages them out after three seconds. */
class CloudAuthenticationTest {
    private static final String KEY = "key-4f2a";
    private static final String SECRET = "s3cr3t-Value-9b1e";

    @RegisterExtension
    static final EmulatorExtension EMULATOR = new EmulatorExtension(EmulatorConfig.builder()
            .apiKey(KEY).apiSecret(SECRET).maxTokenAge(Duration.ofSeconds(3)).pollsToComplete(3).build());

    @TempDir
    Path state;

    private Requests requests(String dataset, String secret) {
        Requests requests = new Requests(EMULATOR.emulator().baseUrl(), dataset, state);
        requests.apiKey = KEY;
        requests.apiSecret = Secret.of(secret);
        return requests;
    }

    @Test
    void keepsUploadingAfterTheServerStopsAcceptingTheFirstToken() {
        EMULATOR.emulator().addDataset("long-job", Fields.files(40));
        Requests requests = requests("long-job", SECRET);
        requests.batchSize = 10;
        requests.options.put("poll-interval-ms", "1200");
        requests.options.put("poll-max-interval-ms", "1200");

        FieldOutcome outcome;
        try (VisualLayerSink sink = requests.open()) {
            MediaResolver resolver = sink.mediaResolver();
            sink.preflight(List.of(Fields.SCORE));
            outcome = Fields.writeScores(resolver, sink.openField(Fields.SCORE), 40);
        }

        // three polls 1.2 s apart outlive a three-second token: only a fresh one gets the final state. A token's
        // age counts from its whole second, so a fresh one has at least two seconds to reach the server, which
        // a busy machine needs; with a two-second age it had one
        assertThat(outcome).isEqualTo(new FieldOutcome("score", FieldOutcome.Status.COMPLETED, 40, 40, 0,
                List.of(), null));
        assertThat(EMULATOR.emulator().values("long-job", "score")).hasSize(40);
    }

    @Test
    void refusedCredentialsStopTheJobWithoutShowingTheSecret() {
        EMULATOR.emulator().addDataset("guarded", List.of("a.jpg"));
        String wrongSecret = "wrong-Secret-77c3";
        Requests requests = requests("guarded", wrongSecret);

        VlmetaException refused;
        try (VisualLayerSink sink = requests.open()) {
            refused = catchThrowableOfType(VlmetaException.class, () -> sink.preflight(List.of(Fields.SCORE)));
            assertThat(sink.toString()).doesNotContain(wrongSecret);
        }

        assertThat(refused.code()).isEqualTo(ErrorCode.AUTH);
        assertThat(refused.getMessage()).startsWith("The Visual Layer server at " + EMULATOR.emulator().baseUrl()
                + " refused the credentials for the dataset lookup (401); check the API key and secret")
                .doesNotContain(wrongSecret).doesNotContain("eyJ");
        assertThat(requests.build().toString()).doesNotContain(wrongSecret);
        assertThat(String.join("\n", requests.log)).doesNotContain(wrongSecret);
    }

    @Test
    void refusesAKeyWithoutASecretAsAUsageError() {
        Requests requests = requests("any", SECRET);
        requests.apiSecret = null;

        VlmetaException refused = catchThrowableOfType(VlmetaException.class, requests::open);

        assertThat(refused.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(refused.getMessage()).isEqualTo("Pass both --api-key and --api-secret for Visual Layer's cloud, "
                + "or neither for an on-premises server.");
    }
}
