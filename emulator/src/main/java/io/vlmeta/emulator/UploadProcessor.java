package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;

/**
 * Applies one uploaded file (a JSON array of {@code {"media_id": ..., "value": ...}}) to a field,
 * streaming: entries are read with Jackson's parser straight from the request and stored one by one,
 * so a file of any size costs no more memory than its values. A bad entry is rejected alone and the
 * others are inserted, as the server does.
 */
final class UploadProcessor {

    /** The file cannot be read as a JSON array; {@code applied} tells whether entries were already stored. */
    static final class MalformedUpload extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean applied;

        MalformedUpload(String message, boolean applied) {
            super(message);
            this.applied = applied;
        }

        boolean applied() {
            return applied;
        }
    }

    private final Dataset dataset;
    private final DeclaredField field;

    UploadProcessor(Dataset dataset, DeclaredField field) {
        this.dataset = dataset;
        this.field = field;
    }

    /**
     * Reads and applies the file. The caller holds the task's monitor.
     *
     * @return the number of entries in the file
     */
    long apply(InputStream file) throws MalformedUpload {
        UploadTask task = field.task();
        boolean started = false;
        try (JsonParser parser = Json.FACTORY.createParser(file)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedUpload("The upload file must hold a JSON array of {\"media_id\", \"value\"} objects",
                        false);
            }
            task.beginUpload();
            started = true;
            FieldStore store = field.store();
            long entries;
            synchronized (store) {
                entries = applyEntries(parser, store, task);
            }
            if (parser.nextToken() != null) {
                throw new MalformedUpload("The upload file holds more after its JSON array", true);
            }
            return entries;
        } catch (JsonProcessingException e) {
            throw new MalformedUpload("The upload file is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")", started);
        } catch (IOException e) {
            throw new MalformedUpload("The upload file could not be read to its end", started);
        }
    }

    private long applyEntries(JsonParser parser, FieldStore store, UploadTask task) throws IOException {
        MediaCatalog media = dataset.media();
        UploadedValue value = new UploadedValue();
        long[] bits = new long[2];
        long entries = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("end of input inside the array");
            }
            entries++;
            long row = task.nextRow();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                task.reject(row, "Expected an Object with media_id and value");
                continue;
            }
            value.clear();
            int ordinal = -1;
            // null while the entry has no media_id; only read as text when it is refused
            String mediaId = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if ("media_id".equals(name)) {
                    if (valueToken == JsonToken.VALUE_STRING) {
                        ordinal = MediaIds.parse(parser.getTextCharacters(), parser.getTextOffset(),
                                parser.getTextLength(), bits) ? media.ordinal(bits[0], bits[1]) : -1;
                        mediaId = ordinal < 0 ? parser.getText() : "";
                    } else {
                        mediaId = valueToken.isScalarValue() ? parser.getText() : "(not a string)";
                        ordinal = -1;
                        parser.skipChildren();
                    }
                } else if ("value".equals(name)) {
                    value.read(parser);
                } else {
                    parser.skipChildren();
                }
            }
            String reason = judge(store, ordinal, mediaId, value);
            if (reason == null) {
                task.inserted();
            } else {
                task.reject(row, reason);
            }
        }
        return entries;
    }

    private String judge(FieldStore store, int ordinal, String mediaId, UploadedValue value) {
        if (mediaId == null) {
            return "Missing media_id";
        }
        if (ordinal < 0) {
            return "Unknown media_id '" + Reasons.shorten(mediaId) + "'";
        }
        if (value.kind() == UploadedValue.Kind.ABSENT) {
            return "Missing value";
        }
        if (value.kind() == UploadedValue.Kind.NULL) {
            return "Value must not be null";
        }
        if (store.has(ordinal)) {
            return "Field '" + field.definition().name() + "' already has a value for media_id '"
                    + dataset.media().mediaId(ordinal) + "'; metadata is immutable";
        }
        return store.accept(ordinal, value);
    }
}
