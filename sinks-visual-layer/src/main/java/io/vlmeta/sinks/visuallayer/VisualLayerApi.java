package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.Secret;
import io.vlmeta.api.UriRedaction;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.sinks.visuallayer.ServerTypes.AlreadyExists;
import io.vlmeta.sinks.visuallayer.ServerTypes.DatasetState;
import io.vlmeta.sinks.visuallayer.ServerTypes.DeclareInDoubt;
import io.vlmeta.sinks.visuallayer.ServerTypes.DeclareResult;
import io.vlmeta.sinks.visuallayer.ServerTypes.Declared;
import io.vlmeta.sinks.visuallayer.ServerTypes.Refused;
import io.vlmeta.sinks.visuallayer.ServerTypes.SampleError;
import io.vlmeta.sinks.visuallayer.ServerTypes.SchemaField;
import io.vlmeta.sinks.visuallayer.ServerTypes.TaskStatus;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadAccepted;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadInDoubt;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadRefused;
import io.vlmeta.sinks.visuallayer.ServerTypes.UploadResult;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Visual Layer's custom-metadata API for one dataset, as typed calls. Knows the request and answer
 * shapes (including the inferred ones) and turns error answers into one sentence each.
 */
final class VisualLayerApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpTransport transport;
    private final ServerUrls urls;
    private final String datasetId;
    private final Redaction redaction;

    VisualLayerApi(HttpTransport transport, ServerUrls urls, String datasetId, Secret secret) {
        this.transport = transport;
        this.urls = urls;
        this.datasetId = datasetId;
        this.redaction = new Redaction(secret);
    }

    /** The server's base URL as messages show it ({@link UriRedaction#server}). */
    String server() {
        return UriRedaction.server(urls.base());
    }

    Redaction redaction() {
        return redaction;
    }

    DatasetState dataset() {
        JsonNode body = json(ok("dataset lookup", transport.send(ApiCall.get("dataset lookup", urls.dataset()))));
        return new DatasetState(text(body, "status"), text(body, "status_new"));
    }

    /** Streams the export CSV to a file. */
    void downloadExport(Path target) {
        ApiCall call = new ApiCall("media export", "GET", urls.export(), null, target, true);
        ok("media export", transport.send(call));
    }

    List<SchemaField> schema() {
        JsonNode body = json(ok("schema lookup", transport.send(ApiCall.get("schema lookup", urls.schema()))));
        JsonNode fields = body.isArray() ? body : body.has("fields") ? body.get("fields") : body.path("schema");
        List<SchemaField> schema = new ArrayList<>();
        for (JsonNode field : fields) {
            schema.add(new SchemaField(text(field, "field_name"), text(field, "field_type"),
                    field.path("is_multi").asBoolean(false), text(field, "task_id")));
        }
        return schema;
    }

    DeclareResult declare(FieldDeclaration declaration) {
        byte[] bytes = JSON.valueToTree(declaration.requestBody()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String what = "declaration of field '" + declaration.fieldName() + "'";
        ApiResponse response = transport.send(new ApiCall(what, "POST", urls.tasks(),
                () -> new ByteArrayEntity(bytes, ContentType.APPLICATION_JSON), null, false));
        if (response.inDoubt()) {
            return new DeclareInDoubt(whyInDoubt(response));
        }
        if (response.ok()) {
            String taskId;
            try {
                taskId = text(json(response), "task_id");
            } catch (VlmetaException garbled) {
                return new DeclareInDoubt("its answer was not JSON");
            }
            if (taskId == null || taskId.isBlank()) {
                return new DeclareInDoubt("its answer named no task_id");
            }
            return new Declared(taskId);
        }
        String detail = detail(response);
        // the status of a clash is not documented: the text decides (a 409 also means "not READY")
        if (detail.toLowerCase(Locale.ROOT).contains("already exists")) {
            return new AlreadyExists();
        }
        if (response.status() >= 400 && response.status() < 500 && response.status() != 401
                && response.status() != 403 && response.status() != 404 && !response.notHandled()) {
            return new Refused(response.status(), detail);
        }
        throw failure(what, response);
    }

    /**
     * Sends one batch file to a task, once: an answer that may hide a processed file comes back as
     * {@link UploadInDoubt}, for the caller to settle by reading back.
     *
     * @throws VlmetaException for refused credentials, an unknown dataset or task, an unreachable server
     */
    UploadResult upload(String taskId, Path batch, String fileName, String what) {
        ApiResponse response = transport.send(new ApiCall(what, "POST", urls.task(taskId),
                () -> MultipartEntityBuilder.create()
                        .addPart("file", new BatchFileBody(batch.toFile(), ContentType.APPLICATION_JSON, fileName))
                        .build(),
                null, false));
        if (response.ok()) {
            return new UploadAccepted();
        }
        if (response.inDoubt()) {
            return new UploadInDoubt(whyInDoubt(response));
        }
        if (response.status() == 401 || response.status() == 403 || response.status() == 404
                || response.notHandled()) {
            throw failure(what, response);
        }
        return new UploadRefused(response.status(), detail(response));
    }

    /**
     * Reads one media item's custom metadata back.
     *
     * @return true when {@code fieldName} holds a value for it
     */
    boolean holdsValue(String mediaId, String fieldName) {
        String what = "read-back of media " + mediaId;
        JsonNode body = json(ok(what, transport.send(ApiCall.get(what, urls.mediaMetadata(mediaId)))));
        JsonNode fields = body.isArray() ? body : body.path("custom_metadata");
        for (JsonNode field : fields) {
            if (fieldName.equals(text(field, "field_name")) && field.has("value") && !field.get("value").isNull()) {
                return true;
            }
        }
        return false;
    }

    TaskStatus status(String taskId, String fieldName) {
        String what = "status check of field '" + fieldName + "'";
        JsonNode body = json(ok(what, transport.send(ApiCall.get(what, urls.status(taskId)))));
        List<SampleError> samples = new ArrayList<>();
        for (JsonNode sample : body.path("sample_errors")) {
            samples.add(new SampleError(redaction.clean(sample.path("reason").asText("")),
                    sample.path("row_index").asLong(-1)));
        }
        String status = text(body, "status");
        return new TaskStatus(status == null ? "" : status.strip().toUpperCase(Locale.ROOT),
                body.path("inserted_rows").asLong(-1), body.path("error_count").asLong(0), samples);
    }

    /** @return why an answer leaves a request in doubt, for the message that says so */
    private String whyInDoubt(ApiResponse response) {
        return response.status() == ApiResponse.NO_ANSWER ? "its answer was lost ("
                + redaction.clean(response.text()) + ")" : "the server answered " + response.status();
    }

    private ApiResponse ok(String what, ApiResponse response) {
        if (!response.ok()) {
            throw failure(what, response);
        }
        return response;
    }

    /** @return the sentence for an error answer: who refused what, and what to do */
    private VlmetaException failure(String what, ApiResponse response) {
        String detail = detail(response);
        String suffix = detail.isEmpty() ? "." : ": " + detail + (detail.endsWith(".") ? "" : ".");
        return switch (response.status()) {
            case 401 -> new VlmetaException(ErrorCode.AUTH, "The Visual Layer server at " + server()
                    + " refused the credentials for the " + what + " (401); check the API key and secret" + suffix);
            case 403 -> new VlmetaException(ErrorCode.AUTH, "The API key has no access to dataset '" + datasetId
                    + "' (403, " + what + ")" + suffix);
            case 404 -> new VlmetaException(ErrorCode.PRECONDITION, "Dataset '" + datasetId + "' was not found at "
                    + server() + " (404, " + what + "); check --dataset-id and the base URL" + suffix);
            default -> new VlmetaException(ErrorCode.SERVER, "The Visual Layer server answered " + response.status()
                    + " to the " + what + (response.attempts() > 1 ? " after " + response.attempts() + " attempts" : "")
                    + suffix);
        };
    }

    /** The server's {@code detail}, or its text, shortened; never a token or the secret. */
    String detail(ApiResponse response) {
        String text = response.text().strip();
        try {
            JsonNode body = JSON.readTree(text);
            if (body != null && body.has("detail")) {
                JsonNode detail = body.get("detail");
                text = detail.isTextual() ? detail.asText() : detail.toString();
            }
        } catch (IOException notJson) {
            // keep the text as it came
        }
        text = redaction.clean(text);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static JsonNode json(ApiResponse response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.SERVER, "The Visual Layer server sent an answer that is not JSON.", e);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
