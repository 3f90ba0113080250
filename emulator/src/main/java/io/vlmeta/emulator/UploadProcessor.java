package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Applies one uploaded file (a JSON array of {@code {"media_id": ..., "value": ...}}) to a field in
 * one streaming pass of Jackson's parser over the file's bytes: entries are stored one by one into
 * the field's compact store, with no object per entry. A bad entry is rejected alone and the
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

    static final String NOT_AN_ARRAY = "The upload file must hold a JSON array of {\"media_id\", \"value\"} objects";

    private final Dataset dataset;
    private final DeclaredField field;

    UploadProcessor(Dataset dataset, DeclaredField field) {
        this.dataset = dataset;
        this.field = field;
    }

    /**
     * Reads and applies a file that arrived whole. The caller holds the task's monitor.
     *
     * @return the number of entries in the file
     */
    long apply(byte[] file, int offset, int length) throws MalformedUpload {
        UploadTask task = field.task();
        boolean started = false;
        try (JsonParser parser = Json.FACTORY.createParser(file, offset, length)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new MalformedUpload(NOT_AN_ARRAY, false);
            }
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

    /**
     * Applies the entries of a cut-off file that arrived whole, and nothing after the cut. The caller
     * holds the task's monitor.
     *
     * @return the number of entries applied
     */
    long applyCutOff(byte[] file, int offset, int length) {
        UploadTask task = field.task();
        long before = task.rowsSeen();
        try (JsonParser parser = Json.FACTORY.createParser(file, offset, length)) {
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                FieldStore store = field.store();
                synchronized (store) {
                    applyEntries(parser, store, task);
                }
            }
        } catch (IOException e) {
            // the cut: entries read whole before it are applied, the rest never arrived
        }
        return task.rowsSeen() - before;
    }

    /** @return true when the first byte that is not white space opens a JSON array */
    static boolean looksLikeArray(byte[] file, int offset, int length) {
        int at = offset;
        int end = offset + length;
        if (length >= 3 && (file[at] & 0xFF) == 0xEF && (file[at + 1] & 0xFF) == 0xBB && (file[at + 2] & 0xFF) == 0xBF) {
            at += 3;
        }
        while (at < end && (file[at] == ' ' || file[at] == '\t' || file[at] == '\n' || file[at] == '\r')) {
            at++;
        }
        return at < end && file[at] == '[';
    }

    /**
     * Applies entries until the array ends. An entry is judged and stored only once its closing brace
     * was read, and only then gets its row number, so a cut-off entry leaves no trace.
     */
    private long applyEntries(JsonParser parser, FieldStore store, UploadTask task) throws IOException {
        MediaCatalog media = dataset.media();
        UploadedValue value = new UploadedValue();
        long[] bits = new long[2];
        // the ordinal the next entry's media likely has: the one after the previous entry's
        int hint = 0;
        long entries = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new IOException("end of input inside the array");
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                entries++;
                task.reject(task.nextRow(), "Expected an Object with media_id and value");
                continue;
            }
            value.clear();
            int ordinal = -1;
            // null while the entry has no media_id; only read as text when it is refused
            String mediaId = null;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if ("media_id".equals(name)) {
                    if (valueToken == JsonToken.VALUE_STRING) {
                        ordinal = MediaIds.parse(parser.getTextCharacters(), parser.getTextOffset(),
                                parser.getTextLength(), bits) ? media.ordinal(bits[0], bits[1], hint) : -1;
                        mediaId = ordinal < 0 ? parser.getText() : "";
                    } else {
                        mediaId = valueToken != null && valueToken.isScalarValue() ? parser.getText() : "(not a string)";
                        ordinal = -1;
                        parser.skipChildren();
                    }
                } else if ("value".equals(name)) {
                    value.read(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException("end of input inside an entry");
            }
            hint = ordinal + 1;
            entries++;
            long row = task.nextRow();
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
