package io.vlmeta.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Talks to an emulator with the JDK's HTTP client, as any client of the real API would, so the
 * emulator is checked independently of vlmeta's own client.
 */
final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String BOUNDARY = "vlmeta-test-boundary-7f3a";

    private final String baseUrl;
    private final String authorization;

    ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    ApiClient(Emulator emulator) {
        this(emulator.baseUrl(), null);
    }

    ApiClient withAuthorization(String authorization) {
        return new ApiClient(baseUrl, authorization);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts {@code json} as the documented part: name {@code file}, a .json file name, content type application/json. */
    HttpResponse<String> upload(String path, String json) throws IOException, InterruptedException {
        return postMultipart(path, multipart("file", "batch-1.json", "application/json", json));
    }

    HttpResponse<String> postMultipart(String path, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static byte[] multipart(String partName, String fileName, String contentType, String content) {
        String body = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + partName + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path));
    }

    /** Declares a field and returns its task id. */
    String declare(String dataset, String declaration) throws IOException, InterruptedException {
        HttpResponse<String> response = postJson("/api/v1/datasets/" + dataset + "/custom_metadata/tasks", declaration);
        if (response.statusCode() != 200) {
            throw new AssertionError("declaration refused: " + response.statusCode() + " " + response.body());
        }
        return Jsons.read(response.body()).get("task_id").asText();
    }

    HttpResponse<String> uploadTo(String dataset, String taskId, String json) throws IOException, InterruptedException {
        return upload("/api/v1/datasets/" + dataset + "/custom_metadata/tasks/" + taskId, json);
    }

    HttpResponse<String> status(String dataset, String taskId) throws IOException, InterruptedException {
        return get("/api/v1/datasets/" + dataset + "/custom_metadata/tasks/" + taskId + "/status");
    }

    /** Polls until the task leaves INIT and IN_PROGRESS; returns every status seen, in order. */
    List<String> pollToEnd(String dataset, String taskId) throws IOException, InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int poll = 0; poll < 50; poll++) {
            String status = Jsons.read(status(dataset, taskId).body()).get("status").asText();
            seen.add(status);
            if (!status.equals("IN_PROGRESS") && !status.equals("INIT")) {
                return seen;
            }
        }
        throw new AssertionError("task " + taskId + " never finished: " + seen);
    }

    static String entries(Map<String, String> jsonValuesByMediaId) {
        List<String> entries = new ArrayList<>();
        jsonValuesByMediaId.forEach((mediaId, value) ->
                entries.add("{\"media_id\": \"" + mediaId + "\", \"value\": " + value + "}"));
        return "[" + String.join(", ", entries) + "]";
    }
}
