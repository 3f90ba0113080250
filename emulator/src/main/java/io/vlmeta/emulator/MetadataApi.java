package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The endpoints' behaviour, once a request is routed, authenticated and past the fault plan. */
final class MetadataApi {
    /** Visual Layer's documented limits, which the server enforces on declarations. */
    static final int ENUM_LIMIT = 600;
    static final int ENUM_OPTION_MAX_LENGTH = 20;

    private final EmulatorState state;
    private final int pollsToComplete;
    private final TaskPolicy taskPolicy;
    private final boolean applyCutOffUploads;
    private final Duration applyDelay;
    /** Applies files after their answers, in arrival order; {@code null} when files are applied at once. */
    private final ScheduledExecutorService applier;

    /**
     * @param applier one thread (so files are applied in the order they arrived) for asynchronous
     *                application, or {@code null} when the configuration applies files at once
     */
    MetadataApi(EmulatorState state, EmulatorConfig config, ScheduledExecutorService applier) {
        this.state = state;
        this.pollsToComplete = config.pollsToComplete();
        this.taskPolicy = config.taskPolicy();
        this.applyCutOffUploads = config.applyCutOffUploads();
        this.applyDelay = config.applyDelay();
        this.applier = config.appliesAsynchronously() ? java.util.Objects.requireNonNull(applier, "applier") : null;
    }

    Response handle(Route route, HttpExchange exchange) throws IOException {
        Dataset dataset = state.find(route.datasetId())
                .orElseThrow(() -> new ApiError(404, "Dataset '" + route.datasetId() + "' not found"));
        if (dataset.restricted()) {
            throw new ApiError(403, "Not authorized to access dataset '" + dataset.id() + "'");
        }
        return switch (route.endpoint()) {
            case DATASET -> dataset(dataset);
            case EXPORT -> export(dataset);
            case SCHEMA -> Response.json(200, schema(dataset));
            case DECLARE -> declare(dataset, exchange.getRequestBody());
            case UPLOAD -> upload(dataset, route.itemId(), exchange);
            case STATUS -> status(dataset, route.itemId());
            case READ -> read(dataset, route.itemId());
        };
    }

    private static Response dataset(Dataset dataset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", dataset.id());
        body.put("display_name", dataset.id());
        body.put("status", dataset.status());
        body.put("status_new", dataset.status().equals("READY") ? "READY" : dataset.status());
        body.put("progress", dataset.status().equals("READY") ? 100 : 0);
        body.put("n_images", dataset.media().size());
        return Response.json(200, body);
    }

    /**
     * Columns in an order other than the documented minimum, with an extra one, because the
     * documentation guarantees neither: clients must find columns by header.
     */
    private static Response export(Dataset dataset) {
        return Response.streamed("text/csv; charset=utf-8", new ExportCsv(dataset.media())::writeTo);
    }

    static List<Map<String, Object>> schema(Dataset dataset) {
        List<Map<String, Object>> schema = new ArrayList<>();
        for (DeclaredField field : dataset.fields()) {
            schema.add(field.definition().toSchemaEntry());
        }
        return schema;
    }

    private Response declare(Dataset dataset, InputStream body) {
        FieldDefinition definition = parseDeclaration(body);
        if (!dataset.status().equals("READY")) {
            throw new ApiError(409, "Dataset '" + dataset.id() + "' is not READY (status " + dataset.status()
                    + "); metadata can only be added to a READY dataset");
        }
        DeclaredField field = dataset.declare(definition, pollsToComplete, taskPolicy)
                .orElseThrow(() -> new ApiError(409, "Field '" + definition.name() + "' already exists"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("task_id", field.task().id());
        answer.put("status", UploadTask.Status.INIT.name());
        return Response.json(200, answer);
    }

    private static FieldDefinition parseDeclaration(InputStream body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiError(422, "Request body is not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new ApiError(422, "Request body must be a JSON object with field_name and field_type");
        }
        JsonNode name = json.get("field_name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            throw new ApiError(422, "field_name is required and must be a non-empty string");
        }
        JsonNode type = json.get("field_type");
        if (type == null || !type.isTextual() || !FieldDefinition.TYPES.contains(type.asText())) {
            throw new ApiError(422, "field_type must be one of " + FieldDefinition.TYPES);
        }
        JsonNode multiNode = json.get("is_multi");
        if (multiNode != null && !multiNode.isNull() && !multiNode.isBoolean()) {
            throw new ApiError(422, "is_multi must be a boolean");
        }
        boolean multi = multiNode != null && multiNode.asBoolean();
        List<String> options = parseOptions(json.get("enum_options"));
        String fieldType = type.asText();
        if (fieldType.equals("enum")) {
            checkOptions(options);
        } else if (multi || !options.isEmpty()) {
            throw new ApiError(422, "enum_options and is_multi apply to enum fields only, not to '" + fieldType + "'");
        }
        return new FieldDefinition(name.asText(), fieldType, multi, options);
    }

    private static List<String> parseOptions(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ApiError(422, "enum_options must be an array of strings");
        }
        List<String> options = new ArrayList<>();
        for (JsonNode option : node) {
            if (!option.isTextual()) {
                throw new ApiError(422, "enum_options must be an array of strings");
            }
            options.add(option.asText());
        }
        return options;
    }

    private static void checkOptions(List<String> options) {
        if (options.isEmpty()) {
            throw new ApiError(422, "enum_options is required for enum fields and must not be empty");
        }
        if (options.size() > ENUM_LIMIT) {
            throw new ApiError(422, "enum_options has " + options.size() + " values, exceeds limit of " + ENUM_LIMIT);
        }
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (option.isBlank()) {
                throw new ApiError(422, "enum_options must not hold an empty option");
            }
            String notText = UnicodeScalars.refusal("Enum option", option);
            if (notText != null) {
                throw new ApiError(422, notText);
            }
            int length = option.codePointCount(0, option.length());
            if (length > ENUM_OPTION_MAX_LENGTH) {
                throw new ApiError(422, "Enum option '" + option + "' has " + length + " characters, exceeds limit of "
                        + ENUM_OPTION_MAX_LENGTH);
            }
            if (!seen.add(option)) {
                throw new ApiError(422, "Enum option '" + option + "' is listed twice");
            }
        }
    }

    private Response upload(Dataset dataset, String taskId, HttpExchange exchange) throws IOException {
        DeclaredField field = task(dataset, taskId);
        UploadTask task = field.task();
        ReceivedBody body = new ReceivedBody(exchange.getRequestBody(), ReceivedBody.contentLength(exchange));
        FilePart file = readFilePart(exchange, body);
        if (body.cut() && (!applyCutOffUploads || file == null)) {
            // nothing is applied; the client has gone, so nobody reads this answer
            throw new ApiError(400, "Request body incomplete");
        }
        if (!body.cut() && !UploadProcessor.looksLikeArray(file.bytes(), file.offset(), file.length())) {
            throw new ApiError(422, UploadProcessor.NOT_AN_ARRAY);
        }
        synchronized (task) {
            task.admitFile();
            if (body.cut()) {
                long entries = new UploadProcessor(dataset, field).applyCutOff(file.bytes(), file.offset(), file.length());
                throw new ApiError(400, "Request body incomplete; " + entries + " entries before the cut were applied");
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("task_id", task.id());
            if (applier != null) {
                task.queueFile();
                applier.schedule(() -> applyLater(dataset, field, file), applyDelay.toNanos(), TimeUnit.NANOSECONDS);
                answer.put("status", task.status().name());
                return Response.json(202, answer);
            }
            long entries;
            try {
                entries = new UploadProcessor(dataset, field).apply(file.bytes(), file.offset(), file.length());
            } catch (UploadProcessor.MalformedUpload e) {
                if (e.applied()) {
                    task.fail(e.getMessage());
                }
                throw new ApiError(422, e.getMessage());
            }
            answer.put("status", task.status().name());
            answer.put("rows", entries);
            return Response.json(202, answer);
        }
    }

    /** Applies a file whose upload was answered already; a file that is not a JSON array fails the task. */
    private static void applyLater(Dataset dataset, DeclaredField field, FilePart file) {
        UploadTask task = field.task();
        synchronized (task) {
            try {
                new UploadProcessor(dataset, field).apply(file.bytes(), file.offset(), file.length());
            } catch (UploadProcessor.MalformedUpload e) {
                task.fail(e.getMessage());
            } finally {
                task.dequeueFile();
            }
        }
    }

    /**
     * Reads the whole multipart body and returns the content of the first part named {@code file}; other
     * parts are ignored. When the body is cut off ({@link ReceivedBody#cut()}), returns what arrived of the
     * file part's content, or {@code null} when its content had not begun.
     */
    private static FilePart readFilePart(HttpExchange exchange, ReceivedBody body) {
        String boundary = MultipartBody.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            throw new ApiError(422, "Upload must be multipart/form-data with a part named 'file'");
        }
        BodyBuffer buffer = new BodyBuffer(ReceivedBody.contentLength(exchange));
        try {
            buffer.readFrom(body);
        } catch (IOException e) {
            if (!body.cut()) {
                throw new ApiError(400, "Request body could not be read");
            }
        }
        List<MultipartBody.Part> parts;
        try {
            parts = MultipartBody.parts(buffer.bytes(), buffer.length(), boundary, !body.cut());
        } catch (MultipartBody.Malformed e) {
            throw new ApiError(422, e.getMessage());
        }
        for (MultipartBody.Part part : parts) {
            if ("file".equals(part.name())) {
                checkFilePart(part);
                return new FilePart(buffer.bytes(), part.offset(), part.length());
            }
        }
        if (body.cut()) {
            return null;
        }
        throw new ApiError(422, "Upload has no part named 'file'");
    }

    private static void checkFilePart(MultipartBody.Part part) {
        String contentType = part.contentType();
        if (part.filename() == null || !part.filename().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            throw new ApiError(422, "Part 'file' must be a file with a .json name");
        }
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(422, "Part 'file' must have content type application/json, not " + contentType);
        }
    }

    private static DeclaredField task(Dataset dataset, String taskId) {
        return dataset.fieldOfTask(taskId)
                .orElseThrow(() -> new ApiError(404, "Task '" + taskId + "' not found in dataset '" + dataset.id() + "'"));
    }

    private static Response status(Dataset dataset, String taskId) {
        UploadTask.Snapshot snapshot = task(dataset, taskId).task().poll();
        return Response.json(200, statusBody(snapshot));
    }

    static Map<String, Object> statusBody(UploadTask.Snapshot snapshot) {
        List<Map<String, Object>> samples = new ArrayList<>(snapshot.sampleErrors().size());
        for (UploadTask.Rejection rejection : snapshot.sampleErrors()) {
            Map<String, Object> sample = new LinkedHashMap<>();
            sample.put("reason", rejection.reason());
            sample.put("row_index", rejection.rowIndex());
            samples.add(sample);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", snapshot.taskId());
        body.put("status", snapshot.status().name());
        body.put("progress", snapshot.progress());
        body.put("inserted_rows", snapshot.insertedRows());
        body.put("error_count", snapshot.errorCount());
        body.put("sample_errors", samples);
        return body;
    }

    private static Response read(Dataset dataset, String mediaId) {
        int ordinal = dataset.media().ordinal(mediaId);
        if (ordinal < 0) {
            throw new ApiError(404, "Media '" + mediaId + "' not found in dataset '" + dataset.id() + "'");
        }
        return Response.streamed("application/json", out -> {
            try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
                json.writeStartArray();
                for (DeclaredField field : dataset.fields()) {
                    FieldStore store = field.store();
                    synchronized (store) {
                        if (store.has(ordinal)) {
                            json.writeStartObject();
                            json.writeStringField("field_name", field.definition().name());
                            json.writeStringField("field_type", field.definition().type());
                            json.writeFieldName("value");
                            store.write(json, ordinal);
                            json.writeEndObject();
                        }
                    }
                }
                json.writeEndArray();
            }
        });
    }
}
