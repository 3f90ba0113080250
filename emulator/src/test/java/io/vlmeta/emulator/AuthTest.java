package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthTest {
    private static final String KEY = "key-123";
    private static final String SECRET = "s3cret-value";

    @RegisterExtension
    static EmulatorExtension extension = new EmulatorExtension(EmulatorConfig.builder()
            .apiKey(KEY).apiSecret(SECRET).maxTokenAge(Duration.ofSeconds(30)).build());

    @BeforeAll
    static void datasets() {
        extension.emulator().addDataset("cloud", List.of("a.jpg"));
        extension.emulator().addDataset("private", List.of("a.jpg"));
        extension.emulator().restrictAccess("private");
    }

    private final ApiClient anonymous = new ApiClient(extension.emulator());

    /** A token as the documentation describes it, then changed by {@code change}. */
    private static String token(String secret, UnaryOperator<JWTCreator.Builder> change) {
        Instant now = Instant.now();
        JWTCreator.Builder builder = JWT.create().withKeyId(KEY).withSubject(KEY).withIssuer("sdk")
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(600));
        return "Bearer " + change.apply(builder).sign(Algorithm.HMAC256(secret));
    }

    private HttpResponse<String> getWith(String authorization) throws Exception {
        return anonymous.withAuthorization(authorization).get("/api/v1/dataset/cloud");
    }

    private static String detail(HttpResponse<String> response) {
        return Jsons.read(response.body()).get("detail").asText();
    }

    @Test
    void aDocumentedTokenIsAccepted() throws Exception {
        assertThat(getWith(token(SECRET, b -> b)).statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestWithoutATokenIsUnauthorised() throws Exception {
        HttpResponse<String> response = anonymous.get("/api/v1/dataset/cloud");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(detail(response)).isEqualTo("Not authenticated: missing Authorization header");
    }

    @Test
    void aTokenThatIsNotBearerIsUnauthorised() throws Exception {
        HttpResponse<String> response = getWith("Basic a2V5OnNlY3JldA==");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(detail(response)).isEqualTo("Not authenticated: expected 'Authorization: Bearer <token>'");
    }

    @Test
    void tokensThatBreakAnyDocumentedRuleAreInvalid() throws Exception {
        Map<String, String> tokens = Map.of(
                "wrong secret", token("another-secret", b -> b),
                "wrong kid", token(SECRET, b -> b.withKeyId("other-key")),
                "no kid", token(SECRET, b -> b.withKeyId(null)),
                "wrong sub", token(SECRET, b -> b.withSubject("other-key")),
                "wrong iss", token(SECRET, b -> b.withIssuer("web")),
                "no exp", token(SECRET, b -> b.withExpiresAt((Instant) null)),
                "not a jwt", "Bearer not.a.jwt");

        for (var entry : tokens.entrySet()) {
            HttpResponse<String> response = getWith(entry.getValue());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(401);
            assertThat(detail(response)).as(entry.getKey()).isEqualTo("Invalid token");
            assertThat(response.body()).as(entry.getKey()).doesNotContain(entry.getValue().substring(7));
        }
    }

    @Test
    void anExpiredTokenIsUnauthorised() throws Exception {
        Instant past = Instant.now().minusSeconds(700);

        HttpResponse<String> response = getWith(token(SECRET, b -> b.withIssuedAt(past).withExpiresAt(past.plusSeconds(600))));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(detail(response)).isEqualTo("Token has expired");
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedBeforeItsExpiry() throws Exception {
        Instant issued = Instant.now().minusSeconds(31);

        HttpResponse<String> old = getWith(token(SECRET, b -> b.withIssuedAt(issued).withExpiresAt(issued.plusSeconds(600))));
        HttpResponse<String> noIat = getWith(token(SECRET, b -> b.withIssuedAt((Instant) null)));

        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(detail(old)).isEqualTo("Token has expired");
        assertThat(noIat.statusCode()).isEqualTo(401);
        assertThat(detail(noIat)).isEqualTo("Invalid token: no iat claim");
    }

    @Test
    void aValidTokenForADatasetWithoutAccessIsForbidden() throws Exception {
        HttpResponse<String> response = anonymous.withAuthorization(token(SECRET, b -> b)).get("/api/v1/dataset/private");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(detail(response)).isEqualTo("Not authorized to access dataset 'private'");
    }

    @Test
    void aValidTokenForAnUnknownDatasetIsNotFound() throws Exception {
        HttpResponse<String> response = anonymous.withAuthorization(token(SECRET, b -> b)).get("/api/v1/dataset/missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(anonymous.get("/api/v1/dataset/missing").statusCode()).isEqualTo(401);
    }

    @Test
    void everyEndpointChecksTheToken() throws Exception {
        String media = extension.emulator().mediaId("cloud", "a.jpg");
        List<HttpResponse<String>> responses = List.of(
                anonymous.get("/api/v1/dataset/cloud/export_media_id"),
                anonymous.get("/api/v1/datasets/cloud/custom_metadata/schema"),
                anonymous.postJson("/api/v1/datasets/cloud/custom_metadata/tasks",
                        "{\"field_name\": \"x\", \"field_type\": \"string\"}"),
                anonymous.upload("/api/v1/datasets/cloud/custom_metadata/tasks/t", "[]"),
                anonymous.get("/api/v1/datasets/cloud/custom_metadata/tasks/t/status"),
                anonymous.get("/api/v1/datasets/cloud/image/" + media + "/custom_metadata"));

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(401);
        assertThat(extension.emulator().schema("cloud")).isEmpty();
    }

    @Test
    void onPremisesIgnoresAnAuthorizationHeader() throws Exception {
        try (Emulator onPremises = Emulator.start(EmulatorConfig.defaults())) {
            onPremises.addDataset("local", List.of("a.jpg"));
            ApiClient client = new ApiClient(onPremises);

            assertThat(client.get("/api/v1/dataset/local").statusCode()).isEqualTo(200);
            assertThat(client.withAuthorization("Bearer anything").get("/api/v1/dataset/local").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void theConfigurationNeverPrintsTheSecret() {
        assertThat(extension.emulator()).isNotNull();
        assertThat(EmulatorConfig.builder().apiKey(KEY).apiSecret(SECRET).build().toString())
                .contains(KEY).doesNotContain(SECRET);
    }
}
