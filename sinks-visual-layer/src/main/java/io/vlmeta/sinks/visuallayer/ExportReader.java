package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a dataset's media list into a {@link MediaIndex}: the export CSV (columns {@code filename}
 * and {@code media_id}, in any order, among others), or the UI's {@code metadata.json} (an object
 * with {@code media_items}, or a bare array of items). The format is told by the first character,
 * not the file name. Both are streamed: an export of ten million rows is never held as text. The file
 * is opened once, so a pipe ({@code --export-file <(...)}, a FIFO) reads as a file does.
 */
final class ExportReader {
    private static final List<String> PATH_COLUMNS = List.of("filename", "file_name", "file_path");
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /** how many leading blanks {@link #startsLikeJson} may read past before it must give up the peek */
    private static final int PEEK_LIMIT = 1 << 16;

    private ExportReader() {
    }

    /**
     * @param file  the export
     * @param label how messages name it, e.g. the path the user gave or "the export of dataset x"
     */
    static MediaIndexBuilder read(Path file, String label, MatchMode mode) {
        MediaIndexBuilder builder = new MediaIndexBuilder(mode);
        read(file, label, builder);
        return builder;
    }

    /**
     * Reads the export's items in file order, without keeping them.
     *
     * @param items given each item's file name (as the export has it) and media id, neither blank
     * @throws VlmetaException when the file cannot be read or is not an export
     */
    static void read(Path file, String label, MediaItems items) {
        try (InputStream in = new BufferedInputStream(open(file), 1 << 16)) {
            if (startsLikeJson(in)) {
                readJson(in, label, items);
            } else {
                readCsv(in, label, items);
            }
        } catch (NoSuchFileException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "The export file " + label + " does not exist.");
        } catch (IOException | UncheckedIOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Could not read the export " + label + ": "
                    + e.getMessage(), e);
        }
    }

    /** Where {@link #read(Path, String, MediaItems)} hands each media item. */
    @FunctionalInterface
    interface MediaItems {
        /**
         * @param path    the item's file name as the export gives it
         * @param mediaId its media id
         */
        void add(String path, String mediaId);
    }

    private static InputStream open(Path file) throws IOException {
        if (Files.isRegularFile(file) || !Files.exists(file)) {
            return Files.newInputStream(file); // NoSuchFileException for a missing one
        }
        // a pipe: Java 17's stream of a file channel seeks in available(), which a pipe refuses ("Illegal seek")
        return new FileInputStream(file.toFile());
    }

    /**
     * Peeks at the stream and puts it back where it was.
     *
     * @param in the export from its first byte; must support {@link InputStream#mark}
     * @return whether its first character other than white space and a UTF-8 byte order mark opens a JSON
     *         object or array (the UI's metadata.json) rather than a CSV header
     */
    static boolean startsLikeJson(InputStream in) throws IOException {
        in.mark(PEEK_LIMIT);
        try {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '{' || c == '[';
        } finally {
            in.reset();
            // a mark outlives its reset: left as it is, a BufferedInputStream would keep every byte read after
            // it, up to the limit, in memory; this one lapses at the next refill
            in.mark(0);
        }
    }

    private static void readCsv(InputStream in, String label, MediaItems items) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build();
        try (BufferedReader reader = new BufferedReader(
                // a decoder of its own reports bytes that are not UTF-8, as Files.newBufferedReader does
                new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
             CSVParser csv = CSVParser.parse(reader, format)) {
            List<String> header = csv.getHeaderNames().stream()
                    .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            int idColumn = header.indexOf("media_id");
            int pathColumn = PATH_COLUMNS.stream().mapToInt(header::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
            if (idColumn < 0 || pathColumn < 0) {
                throw VlmetaException.malformed("The export " + label + " needs the columns 'filename' and 'media_id'; "
                        + "it has: " + String.join(", ", csv.getHeaderNames()) + ".");
            }
            for (CSVRecord record : csv) {
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                long row = record.getRecordNumber() + 1;
                String path = record.size() > pathColumn ? record.get(pathColumn) : "";
                String id = record.size() > idColumn ? record.get(idColumn) : "";
                add(items, label, "row ", row, path, id);
            }
        }
    }

    private static void readJson(InputStream in, String label, MediaItems items) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            JsonToken first = json.nextToken();
            if (first == JsonToken.START_OBJECT) {
                boolean found = false;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    JsonToken value = json.nextToken();
                    if ("media_items".equals(name) && value == JsonToken.START_ARRAY) {
                        readItems(json, label, items);
                        found = true;
                    } else {
                        json.skipChildren();
                    }
                }
                if (!found) {
                    throw VlmetaException.malformed("The export " + label + " has no 'media_items' array.");
                }
            } else if (first == JsonToken.START_ARRAY) {
                readItems(json, label, items);
            } else {
                throw VlmetaException.malformed("The export " + label
                        + " is neither an export CSV nor a metadata.json (an object with 'media_items', or an array).");
            }
        } catch (JsonParseException e) {
            throw VlmetaException.malformed("The export " + label + " is not valid JSON at line "
                    + e.getLocation().getLineNr() + ": " + e.getOriginalMessage() + ".");
        }
    }

    private static void readItems(JsonParser json, String label, MediaItems items) throws IOException {
        long item = 0;
        while (json.nextToken() == JsonToken.START_OBJECT) {
            item++;
            String id = "";
            String filePath = "";
            String fileName = "";
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    switch (name) {
                        case "media_id" -> id = json.getText();
                        case "file_path" -> filePath = json.getText();
                        case "file_name", "filename" -> fileName = json.getText();
                        default -> { }
                    }
                } else {
                    json.skipChildren();
                }
            }
            add(items, label, "media item ", item, filePath.isBlank() ? fileName : filePath, id);
        }
    }

    /** {@code unit} and {@code number} say where the item is; joined only for a message, not per item. */
    private static void add(MediaItems items, String label, String unit, long number, String path,
                            String id) {
        if (path.isBlank() || id.isBlank()) {
            throw VlmetaException.malformed("The export " + label + ", " + unit + number + ": "
                    + (path.isBlank() ? "the file name" : "the media_id") + " is empty.");
        }
        items.add(path, id);
    }
}
