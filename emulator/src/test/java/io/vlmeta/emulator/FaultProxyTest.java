package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultProxyTest {
    private static final String NOTES = "{\"field_name\": \"notes\", \"field_type\": \"string\"}";

    private Emulator emulator;
    private FaultProxy proxy;
    private ApiClient api;

    private void start(EmulatorConfig config, FaultProxy.Plan plan) {
        emulator = Emulator.start(config);
        emulator.addDataset("ds", List.of("a.jpg", "b.jpg", "c.jpg"));
        proxy = FaultProxy.start(emulator.baseUrl(), plan);
        api = new ApiClient(proxy.baseUrl(), null);
    }

    private void start(FaultProxy.Plan plan) {
        start(EmulatorConfig.builder().pollsToComplete(0).build(), plan);
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private String media(String file) {
        return emulator.mediaId("ds", file);
    }

    @Test
    void forwardsRequestsAndAnswersUnchanged() throws Exception {
        start(FaultProxy.Plan.none());
        ApiClient direct = new ApiClient(emulator);

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(api.get("/api/v1/dataset/ds"));
        }
        HttpResponse<String> export = api.get("/api/v1/dataset/ds/export_media_id");
        HttpResponse<String> missing = api.get("/api/v1/dataset/nope");

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers.get(4).body()).isEqualTo(direct.get("/api/v1/dataset/ds").body());
        assertThat(export.body()).isEqualTo(direct.get("/api/v1/dataset/ds/export_media_id").body());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"Dataset 'nope' not found\"}");
        assertThat(proxy.requestCount()).isEqualTo(7);
        assertThat(emulator.requestCount("dataset")).isEqualTo(7);
    }

    @Test
    void aCutRequestBodyChangesNothingOnTheDefaultServer() throws Exception {
        start(FaultProxy.Plan.builder().onlyUploads().cutRequestBodyNth(2, 100).build());
        String task = api.declare("ds", NOTES);

        HttpResponse<String> first = api.uploadTo("ds", task, ApiClient.entries(Map.of(media("a.jpg"), "\"a\"")));
        assertThatThrownBy(() -> api.uploadTo("ds", task, ApiClient.entries(Map.of(media("b.jpg"), "\"b\""))))
                .isInstanceOf(IOException.class);
        HttpResponse<String> resent = api.uploadTo("ds", task, ApiClient.entries(Map.of(media("b.jpg"), "\"b\"")));

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(media("a.jpg"), "a"),
                Map.entry(media("b.jpg"), "b"));
        JsonNode status = Jsons.read(api.status("ds", task).body());
        assertThat(status.get("error_count").asLong()).isZero();
        assertThat(emulator.requestCount("upload")).isEqualTo(3);
        assertThat(proxy.selectedCount()).isEqualTo(3);
    }

    @Test
    void aCutRequestBodyAppliesTheWholeEntriesOnAServerThatAppliesCutOffUploads() throws Exception {
        String json = "[{\"media_id\": \"%s\", \"value\": 1}, {\"media_id\": \"%s\", \"value\": 2}, {\"media_id\": \"%s\","
                + " \"value\": 3.25}]";
        String body = new String(ApiClient.multipart("file", "batch.json", "application/json", json.formatted(
                MediaIds.derive("ds", "a.jpg"), MediaIds.derive("ds", "b.jpg"), MediaIds.derive("ds", "c.jpg"))),
                StandardCharsets.UTF_8);
        // the cut falls inside the third entry's number: "3.2" is forwarded, "5}" is not
        int cut = body.indexOf("3.25") + 3;
        start(EmulatorConfig.builder().pollsToComplete(0).applyCutOffUploadsPartially().build(),
                FaultProxy.Plan.builder().onlyUploads().cutRequestBodyNth(1, cut).build());
        String task = api.declare("ds", "{\"field_name\": \"score\", \"field_type\": \"float\"}");

        assertThatThrownBy(() -> api.postMultipart("/api/v1/datasets/ds/custom_metadata/tasks/" + task,
                body.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);

        assertThat(emulator.values("ds", "score")).containsExactly(Map.entry(media("a.jpg"), new BigDecimal("1")),
                Map.entry(media("b.jpg"), new BigDecimal("2")));
    }

    @Test
    void aDroppedAnswerComesAfterTheServerProcessedTheRequest() throws Exception {
        start(FaultProxy.Plan.builder().onlyUploads().dropAnswerNth(1).build());
        String task = api.declare("ds", NOTES);

        assertThatThrownBy(() -> api.uploadTo("ds", task, ApiClient.entries(Map.of(media("a.jpg"), "\"a\""))))
                .isInstanceOf(IOException.class);

        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(media("a.jpg"), "a"));
    }

    @Test
    void aBadGatewayComesAfterTheServerProcessedTheRequest() throws Exception {
        start(FaultProxy.Plan.builder().onlyUploads().badGatewayNth(1).build());
        String task = api.declare("ds", NOTES);

        HttpResponse<String> upload = api.uploadTo("ds", task, ApiClient.entries(Map.of(media("a.jpg"), "\"a\"")));

        assertThat(upload.statusCode()).isEqualTo(502);
        assertThat(upload.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(upload.body()).contains("<h1>502 Bad Gateway</h1>");
        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(media("a.jpg"), "a"));
    }

    @Test
    void seededFractionsGiveTheSameFaultsForTheSameRequests() throws Exception {
        FaultProxy.Plan plan = FaultProxy.Plan.builder().onlyRequests("GET", "/api/v1/dataset/[^/]+")
                .badGatewayFraction(0.5).seed(9).build();
        start(plan);

        List<Integer> first = statuses(40);
        proxy.setPlan(plan);
        List<Integer> second = statuses(40);
        int schema = api.get("/api/v1/datasets/ds/custom_metadata/schema").statusCode();

        assertThat(first).containsOnly(200, 502);
        assertThat(first.stream().filter(s -> s == 502).count()).isBetween(10L, 30L);
        assertThat(second).isEqualTo(first);
        assertThat(schema).isEqualTo(200);
    }

    private List<Integer> statuses(int requests) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(api.get("/api/v1/dataset/ds").statusCode());
        }
        return statuses;
    }

    @Test
    void aDelayedRequestIsHeldBeforeItIsForwardedWhileTheOthersPass() throws Exception {
        Duration hold = Duration.ofSeconds(2);
        start(FaultProxy.Plan.builder().onlyRequests("GET", "/api/v1/dataset/[^/]+").delayNth(1, hold).build());
        long before = emulator.requestCount("dataset");

        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> get("/api/v1/dataset/ds"));
        long started = System.nanoTime();
        awaitCondition(() -> proxy.requestCount() == 1, "the proxy never received the held request");
        HttpResponse<String> passing = api.get("/api/v1/dataset/ds");
        // the held request reached the proxy before this one; while it is held, only this one reached the server
        long forwardedWhileHeld = emulator.requestCount("dataset") - before;
        boolean answeredWhileHeld = held.isDone();
        HttpResponse<String> heldAnswer = held.get(30, TimeUnit.SECONDS);
        long heldFor = (System.nanoTime() - started) / 1_000_000;

        assertThat(passing.statusCode()).isEqualTo(200);
        assertThat(forwardedWhileHeld).isEqualTo(1);
        assertThat(answeredWhileHeld).isFalse();
        assertThat(heldAnswer.statusCode()).isEqualTo(200);
        assertThat(heldFor).isGreaterThanOrEqualTo(hold.toMillis());
        assertThat(emulator.requestCount("dataset") - before).isEqualTo(2);
    }

    @Test
    void aHeldRequestWaitsUntilTheTestReleasesItWhileTheOthersPass() throws Exception {
        start(FaultProxy.Plan.builder().onlyRequests("GET", "/api/v1/dataset/[^/]+").holdNth(1).holdNth(3).build());
        long before = emulator.requestCount("dataset");

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> get("/api/v1/dataset/ds"));
        assertThat(proxy.awaitHeld(Duration.ofSeconds(60))).as("the first request is held").isTrue();
        HttpResponse<String> passing = api.get("/api/v1/dataset/ds");
        // however long the passing request took, the held one has not reached the server
        long forwardedWhileHeld = emulator.requestCount("dataset") - before;
        boolean answeredWhileHeld = first.isDone();
        int heldBeforeRelease = proxy.heldCount();
        int released = proxy.release();
        HttpResponse<String> firstAnswer = first.get(60, TimeUnit.SECONDS);

        // a release lets go the requests held then: the next one waits for a release of its own
        CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> get("/api/v1/dataset/ds"));
        assertThat(proxy.awaitHeld(Duration.ofSeconds(60))).as("the second request is held").isTrue();
        boolean secondAnsweredWhileHeld = second.isDone();
        long forwardedWhileSecondHeld = emulator.requestCount("dataset") - before;
        int secondReleased = proxy.release();
        HttpResponse<String> secondAnswer = second.get(60, TimeUnit.SECONDS);

        assertThat(passing.statusCode()).isEqualTo(200);
        assertThat(forwardedWhileHeld).isEqualTo(1);
        assertThat(answeredWhileHeld).isFalse();
        assertThat(heldBeforeRelease).isEqualTo(1);
        assertThat(released).isEqualTo(1);
        assertThat(firstAnswer.statusCode()).isEqualTo(200);
        assertThat(secondAnsweredWhileHeld).isFalse();
        assertThat(forwardedWhileSecondHeld).isEqualTo(2);
        assertThat(secondReleased).isEqualTo(1);
        assertThat(secondAnswer.statusCode()).isEqualTo(200);
        assertThat(proxy.heldCount()).isZero();
        assertThat(proxy.release()).as("nothing left to release").isZero();
        assertThat(emulator.requestCount("dataset") - before).isEqualTo(3);
    }

    @Test
    void awaitingAHoldWhenNoRequestIsHeldGivesUpAtItsTimeout() throws Exception {
        start(FaultProxy.Plan.builder().onlyRequests("GET", "/api/v1/dataset/[^/]+").holdNth(2).build());

        HttpResponse<String> notHeld = api.get("/api/v1/dataset/ds");

        assertThat(notHeld.statusCode()).isEqualTo(200);
        assertThat(proxy.awaitHeld(Duration.ofMillis(50))).isFalse();
        assertThat(proxy.heldCount()).isZero();
    }

    @Test
    void aHeldRequestNeverReleasedIsForwardedAtTheHoldCeiling() throws Exception {
        Duration ceiling = Duration.ofMillis(500);
        start(FaultProxy.Plan.builder().onlyRequests("GET", "/api/v1/dataset/[^/]+").holdNth(1).holdCeiling(ceiling)
                .build());

        long started = System.nanoTime();
        HttpResponse<String> answer = api.get("/api/v1/dataset/ds");
        long waited = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(waited).isGreaterThanOrEqualTo(ceiling.toMillis());
        assertThat(proxy.heldCount()).isZero();
        assertThat(proxy.release()).isZero();
    }

    @Test
    void closingTheProxyEndsAHeldRequest() throws Exception {
        start(FaultProxy.Plan.builder().onlyRequests("GET", "/api/v1/dataset/[^/]+").holdNth(1).build());
        // a client of its own: the shared one may hold an idle connection to an earlier test's server on this port
        // number, and would send the request again over a new connection once that one proved dead
        HttpClient own = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> held = own.sendAsync(HttpRequest.newBuilder(
                URI.create(proxy.baseUrl() + "/api/v1/dataset/ds")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxy.awaitHeld(Duration.ofSeconds(60))).isTrue();

        proxy.close();

        assertThatThrownBy(() -> held.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
        assertThat(emulator.requestCount("dataset")).isZero();
    }

    private HttpResponse<String> get(String path) {
        try {
            return api.get(path);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    /** Polls {@code condition} until it holds, for up to 30 s: a busy machine may be slow, never this slow. */
    private static void awaitCondition(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void chunkedBodiesAreForwardedAndCutToo() throws Exception {
        start(FaultProxy.Plan.builder().onlyUploads().cutRequestBodyNth(2, 50).build());
        String task = api.declare("ds", NOTES);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> whole = http.send(chunked(task, Map.of(media("a.jpg"), "\"a\"")),
                HttpResponse.BodyHandlers.ofString());
        assertThatThrownBy(() -> http.send(chunked(task, Map.of(media("b.jpg"), "\"b\"")),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);

        assertThat(whole.statusCode()).isEqualTo(202);
        assertThat(emulator.values("ds", "notes")).containsExactly(Map.entry(media("a.jpg"), "a"));
    }

    private HttpRequest chunked(String task, Map<String, String> entries) {
        byte[] body = ApiClient.multipart("file", "batch.json", "application/json", ApiClient.entries(entries));
        return HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/api/v1/datasets/ds/custom_metadata/tasks/" + task))
                .header("Content-Type", "multipart/form-data; boundary=" + ApiClient.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    }

    @Test
    void forwardsToLoopbackServersOnly() {
        assertThatThrownBy(() -> FaultProxy.start("http://192.0.2.1:80", FaultProxy.Plan.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the fault proxy forwards to loopback servers only, not 192.0.2.1");
        assertThatThrownBy(() -> FaultProxy.start("https://127.0.0.1:443", FaultProxy.Plan.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stopsAtTheEndOfItsLifetime() throws Exception {
        emulator = Emulator.start(EmulatorConfig.builder().build());
        emulator.addDataset("ds", List.of("a.jpg"));
        // the first request of a JVM loads the HTTP classes, which takes seconds on a busy machine: done before
        // the lifetime starts, so what is left of it is a loopback round trip
        assertThat(new ApiClient(emulator).get("/api/v1/dataset/ds").statusCode()).isEqualTo(200);
        proxy = FaultProxy.start(emulator.baseUrl(), FaultProxy.Plan.builder().maxLifetime(Duration.ofSeconds(3))
                .build());
        assertThat(new ApiClient(proxy.baseUrl(), null).get("/api/v1/dataset/ds").statusCode()).isEqualTo(200);

        awaitCondition(() -> refusesConnections(proxy), "the proxy still takes connections after its lifetime");
    }

    @Test
    void stopsWhenClosed() throws Exception {
        start(FaultProxy.Plan.none());
        assertThat(api.get("/api/v1/dataset/ds").statusCode()).isEqualTo(200);

        proxy.close();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(proxy.baseUrl() + "/api/v1/dataset/ds")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    private static boolean refusesConnections(FaultProxy proxy) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/api/v1/dataset/ds"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
