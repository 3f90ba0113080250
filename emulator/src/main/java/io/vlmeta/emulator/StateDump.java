package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes the whole state as JSON, streaming, so that tests can assert exactly what arrived:
 * datasets with their media, declared fields with their values by media id, and tasks with their
 * counts and sample errors.
 */
final class StateDump {
    private final EmulatorState state;

    StateDump(EmulatorState state) {
        this.state = state;
    }

    void write(Writer out) throws IOException {
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("datasets");
            for (Dataset dataset : state.datasets()) {
                writeDataset(json, dataset);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeDataset(JsonGenerator json, Dataset dataset) throws IOException {
        MediaCatalog media = dataset.media();
        json.writeStartObject();
        json.writeStringField("id", dataset.id());
        json.writeStringField("status", dataset.status());
        json.writeArrayFieldStart("media");
        for (int ordinal = 0; ordinal < media.size(); ordinal++) {
            json.writeStartObject();
            json.writeStringField("media_id", media.mediaId(ordinal));
            json.writeStringField("filename", media.filename(ordinal));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("fields");
        for (DeclaredField field : dataset.fields()) {
            writeField(json, media, field);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeField(JsonGenerator json, MediaCatalog media, DeclaredField field) throws IOException {
        FieldDefinition definition = field.definition();
        json.writeStartObject();
        json.writeStringField("field_name", definition.name());
        json.writeStringField("field_type", definition.type());
        json.writeBooleanField("is_multi", definition.multi());
        json.writeArrayFieldStart("enum_options");
        for (String option : definition.enumOptions()) {
            json.writeString(option);
        }
        json.writeEndArray();
        json.writeFieldName("task");
        Json.MAPPER.writeValue(json, MetadataApi.statusBody(field.task().snapshot()));
        json.writeObjectFieldStart("values");
        FieldStore store = field.store();
        synchronized (store) {
            for (int ordinal = 0; ordinal < media.size(); ordinal++) {
                if (store.has(ordinal)) {
                    json.writeFieldName(media.mediaId(ordinal));
                    store.write(json, ordinal);
                }
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
