package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a dataset's media list into a {@link MediaIndex}: the export CSV (columns {@code filename}
 * and {@code media_id}, in any order, among others), or the UI's {@code metadata.json} (an object
 * with {@code media_items}, or a bare array of items). The format is told by the first character,
 * not the file name. Both are streamed: an export of ten million rows is never held as text. The file
 * is opened once, so a pipe ({@code --export-file <(...)}, a FIFO) reads as a file does.
 */
final class ExportReader {
    private static final List<String> PATH_COLUMNS = List.of("filename", "file_name", "file_path");
    /** the columns read: a header naming one of them twice is refused */
    private static final List<String> USED_COLUMNS = List.of("media_id", "filename", "file_name", "file_path");
    /** how many of a header's columns a refusal lists */
    private static final int COLUMNS_LISTED = 10;
    /** the longest text from the file a refusal quotes */
    private static final int QUOTE_LIMIT = 40;
    /** the fields of a metadata.json's media item read here; {@code filename} as the CSV export names it */
    private static final java.util.Set<String> ITEM_FIELDS = java.util.Set.of("media_id", "file_path", "file_name",
            "filename");
    private static final JsonFactory JSON = JsonFactory.builder().build();
    /**
     * how Commons CSV's messages give the line a fault is on: {@code (startline 5)}, {@code at line: 1,234}, its
     * number grouped as {@link #COMMONS_POSITION}'s is, in the default locale ({@code 1.234} in German)
     */
    private static final Pattern COMMONS_LINE = Pattern.compile("(?:startline |line: )([0-9][^ ,)]*(?:[^0-9 )][0-9]{3})*)");
    /** how Commons CSV's messages give a character position ({@code String.format}'s {@code %,d}) */
    private static final Pattern COMMONS_POSITION = Pattern.compile("position: ([0-9][^ ,]*(?:[^0-9 ][0-9]{3})*)");
    /**
     * RFC 4180 with a header line whose names may be empty: pandas' {@code to_csv} writes its index as a
     * first column without a name, and only {@code filename} and {@code media_id} are looked for.
     */
    private static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).build();
    /** what every refusal of a file that is no export at all ends with */
    private static final String WHAT_AN_EXPORT_HOLDS = "an export is the dataset's CSV (with the columns 'filename' "
            + "and 'media_id') or its metadata.json (an object with 'media_items', or an array of items).";
    /** what every refusal of a metadata.json that is not JSON ends with */
    private static final String WHAT_JSON_HOLDS = "Give the export as Visual Layer wrote it: a metadata.json is one "
            + "JSON object with 'media_items', or an array of items.";

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
    static void read(Path file, String givenLabel, MediaItems items) {
        // a line break in the file's name would split every message below over lines
        String label = FileFaults.shown(givenLabel);
        if (Files.isDirectory(file)) {
            // FileFaults' words, and what to give instead
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "The export file " + label + " is a folder: give "
                    + "the export file itself, the dataset's CSV export or its metadata.json.");
        }
        try (InputStream in = new BufferedInputStream(open(file), 1 << 16)) {
            if (startsWithZeroByte(in)) {
                throw notUtf8(label, null);
            }
            ExportStart start = ExportStart.of(in);
            if (start.kind() == ExportStart.Kind.EMPTY) {
                throw VlmetaException.malformed("The export " + label + " is empty: " + WHAT_AN_EXPORT_HOLDS);
            }
            if (start.kind() == ExportStart.Kind.JSON_VALUE) {
                throw VlmetaException.malformed("The export " + label + " holds " + onlyValue(start.scalar())
                        + ", not an export: " + WHAT_AN_EXPORT_HOLDS);
            }
            // blank text read past stands before the content again, so lines are numbered as in the file
            InputStream content = start.skipped().equals(ExportStart.Blanks.NONE) ? in
                    : new SequenceInputStream(start.skipped().asText(), in);
            if (start.kind() == ExportStart.Kind.JSON) {
                try {
                    readJson(content, label, items);
                } catch (VlmetaException notJson) {
                    // Jackson names bytes that are not UTF-8 as such in values, but inside a field name it may
                    // call them broken JSON: a file that is not UTF-8 gets that refusal, whatever Jackson saw
                    if (notJson.code() == ErrorCode.INPUT_MALFORMED && Files.isRegularFile(file) && !isUtf8(file)) {
                        throw notUtf8(label, notJson);
                    }
                    throw notJson;
                }
            } else {
                readCsv(content, label, items);
            }
        } catch (IOException e) {
            throw readFailure(file, label, e);
        } catch (UncheckedIOException e) {
            throw readFailure(file, label, e.getCause());
        }
    }

    /**
     * @param file    the export that was read
     * @param failure what reading it threw
     * @return the refusal: bytes that are not UTF-8 (the encoding every export Visual Layer writes is in) or broken
     *         quoting as a malformed export, anything else as one that could not be read, why in
     *         {@link FileFaults}' words, as every file vlmeta reads is refused
     */
    static VlmetaException readFailure(Path file, String label, IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return notUtf8(label, failure);
            }
            if (cause instanceof CSVException) {
                return notCsv(label, failure);
            }
        }
        return new VlmetaException(ErrorCode.INPUT_UNREADABLE, "The export file " + label + " "
                + FileFaults.whyUnreadable(file, failure) + ".", failure);
    }

    /**
     * @param failure what reading threw, a {@link CSVException} among its causes; its own message holds Commons
     *                CSV's words with the positions of the whole text
     * @return a malformed export, its fault in plain words with the line Commons CSV names
     */
    private static VlmetaException notCsv(String label, Exception failure) {
        String reason = failure.getMessage() == null ? "" : failure.getMessage();
        int commons = reason.lastIndexOf("CSVException: "); // the wrapping exceptions' text names the class
        reason = commons < 0 ? reason : reason.substring(commons + "CSVException: ".length());
        Matcher line = COMMONS_LINE.matcher(reason);
        String where = line.find() ? "line " + line.group(1).replaceAll("[^0-9]", "") : "a line";
        String fault;
        if (reason.contains("EOF reached before encapsulated token finished")) {
            fault = "a quoted value starts on " + where + " and is never closed: its closing quote (\") is missing";
        } else if (reason.contains("Invalid character between encapsulated token and delimiter")) {
            fault = "on " + where + " a quoted value is followed by other text before the next comma; inside a "
                    + "quoted value, a quote is written as two (\"\")";
        } else {
            // another fault Commons CSV finds: its words are not the user's, the line still helps
            fault = "on " + where + " the quoting is broken";
        }
        return new VlmetaException(ErrorCode.INPUT_MALFORMED, "The export " + label + " is not valid CSV: " + fault
                + ". Give the export as Visual Layer wrote it (RFC 4180 CSV with 'filename' and 'media_id').",
                failure);
    }

    /** @return whether the whole file decodes as UTF-8; read again only after a refusal, so it costs a success nothing */
    private static boolean isUtf8(Path file) throws IOException {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try (java.io.Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] chars = new char[1 << 14];
            while (reader.read(chars) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** @param failure what found the bytes, kept as the cause; {@code null} when a peek did */
    private static VlmetaException notUtf8(String label, Exception failure) {
        return new VlmetaException(ErrorCode.INPUT_MALFORMED, "The export " + label + " holds bytes that are "
                + "not UTF-8 text, the encoding Visual Layer writes its exports in; a file another program "
                + "saved must be saved as UTF-8 again.", failure);
    }

    /**
     * Peeks at the stream and puts it back where it was.
     *
     * @param in the export from its first byte; must support {@link InputStream#mark}
     * @return whether one of its first four bytes is zero: UTF-16 or UTF-32 text without a byte order mark,
     *         which UTF-8 text (an export, a metadata.json) never starts with, and which Jackson would
     *         otherwise read as JSON in that encoding
     */
    static boolean startsWithZeroByte(InputStream in) throws IOException {
        in.mark(4);
        try {
            for (int i = 0; i < 4; i++) {
                int c = in.read();
                if (c <= 0) {
                    return c == 0;
                }
            }
            return false;
        } finally {
            in.reset();
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
     * Reads the export CSV as Commons CSV's {@code CSVFormat.DEFAULT} with a header reads it. The records
     * before the first that holds a double quote (all of them, in the exports Visual Layer writes) are split
     * by {@link QuoteFreeRecords}; Commons CSV reads the header line and the rest from that record on.
     */
    private static void readCsv(InputStream in, String label, MediaItems items) throws IOException {
        // a decoder of its own reports bytes that are not UTF-8, as Files.newBufferedReader does
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder())) {
            QuoteFreeRecords records = new QuoteFreeRecords(reader);
            String[] headerCells = next(records);
            if (headerCells == null) {
                // no header line, or one with a quote
                readRest(records, rest -> readCsvWithCommons(rest, label, items));
                return;
            }
            List<String> names;
            try (CSVParser header = CSVParser.parse(String.join(",", headerCells), WITH_HEADER)) {
                names = header.getHeaderNames();
            }
            Columns columns = Columns.of(names, label);
            long read = 0;
            for (String[] cells = next(records); cells != null; cells = next(records)) {
                read++;
                columns.add(items, label, read + 1, cells);
            }
            if (records.quoted()) {
                long before = read;
                readRest(records, rest -> {
                    try (CSVParser csv = CSVParser.parse(rest, CSVFormat.DEFAULT)) {
                        for (CSVRecord record : csv) {
                            columns.add(items, label, before + record.getRecordNumber() + 1, record.values());
                        }
                    }
                });
            }
        }
    }

    /** @return the next quote-free record; a failure to read is worded as Commons CSV's reading words it */
    private static String[] next(QuoteFreeRecords records) {
        try {
            return records.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commons CSV's reading of what {@link QuoteFreeRecords} left. */
    @FunctionalInterface
    private interface RestReading {
        void read(Reader rest) throws IOException;
    }

    /** Has Commons CSV read the rest, its messages naming the character positions of the whole text. */
    private static void readRest(QuoteFreeRecords records, RestReading reading) throws IOException {
        long shift = records.positionShift();
        try {
            reading.read(records.rest());
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(positionsShifted(e.getMessage(), shift), e.getCause());
        } catch (CSVException e) {
            throw new IOException(positionsShifted(e.getMessage(), shift), e);
        }
    }

    /**
     * @return Commons CSV's message with its character position ({@code position: 1,234}) made that of the
     *         whole text, as a reading of the whole text by Commons CSV would have given it
     */
    private static String positionsShifted(String message, long shift) {
        if (message == null) {
            return null;
        }
        Matcher position = COMMONS_POSITION.matcher(message);
        StringBuilder shifted = new StringBuilder();
        while (position.find()) {
            long value = Long.parseLong(position.group(1).replaceAll("[^0-9]", "")) + shift;
            position.appendReplacement(shifted, Matcher.quoteReplacement("position: " + String.format("%,d", value)));
        }
        return position.appendTail(shifted).toString();
    }

    /** The whole export CSV through Commons CSV: for a header line holding a quote, and as the reference. */
    static void readCsvWithCommons(Reader reader, String label, MediaItems items) throws IOException {
        try (CSVParser csv = CSVParser.parse(reader, WITH_HEADER)) {
            Columns columns = Columns.of(csv.getHeaderNames(), label);
            for (CSVRecord record : csv) {
                columns.add(items, label, record.getRecordNumber() + 1, record.values());
            }
        }
    }

    /** Where the file name and the media id are in each record. */
    private record Columns(int path, int id) {
        static Columns of(List<String> headerNames, String label) {
            List<String> header = headerNames.stream()
                    .map(name -> name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
            refuseUsedColumnsNamedTwice(header, label);
            int idColumn = header.indexOf("media_id");
            int pathColumn = PATH_COLUMNS.stream().mapToInt(header::indexOf).filter(i -> i >= 0).findFirst().orElse(-1);
            if (idColumn < 0 || pathColumn < 0) {
                throw VlmetaException.malformed("The export " + label + " needs the columns 'filename' and 'media_id'; "
                        + "it has: " + listed(headerNames) + ".");
            }
            return new Columns(pathColumn, idColumn);
        }

        /**
         * A column read here named twice leaves no telling which holds the values, as the server's own reading
         * of an export refuses it. Other columns named twice are let be: they are never read, and refusing them
         * would turn away an export whose media ids and file names are plain.
         */
        private static void refuseUsedColumnsNamedTwice(List<String> header, String label) {
            for (String used : USED_COLUMNS) {
                int first = header.indexOf(used);
                if (first >= 0 && header.lastIndexOf(used) != first) {
                    int second = first + 1 + header.subList(first + 1, header.size()).indexOf(used);
                    throw VlmetaException.malformed("The export " + label + " names the column '" + used + "' twice "
                            + "(columns " + (first + 1) + " and " + (second + 1) + "): give each column its own "
                            + "name, as Visual Layer writes it.");
                }
            }
        }

        /**
         * @return the header's first {@link #COLUMNS_LISTED} names, each cut to {@link #QUOTE_LIMIT} characters, and
         *         how many more there are: a broken export may hold a header of a million columns
         */
        private static String listed(List<String> headerNames) {
            // a header of commas alone names its columns by nothing a message could show
            String shown = String.join(", ", headerNames.stream().limit(COLUMNS_LISTED)
                    .map(name -> name.isBlank() ? "(unnamed)" : cut(name)).toList());
            int more = headerNames.size() - COLUMNS_LISTED;
            return more > 0 ? shown + " and " + more + " more" : shown;
        }

        /** @param row the record's row as messages name it: the header is row 1, empty lines are not counted */
        void add(MediaItems items, String label, long row, String[] cells) {
            if (cells.length == 1 && cells[0].isBlank()) {
                return;
            }
            String filePath = cells.length > path ? cells[path] : "";
            String mediaId = cells.length > id ? cells[id] : "";
            if (filePath.isBlank() || mediaId.isBlank()) {
                throw VlmetaException.malformed("The export " + label + ", row " + row + ": "
                        + (filePath.isBlank() ? "the file name" : "the media_id") + " is empty.");
            }
            items.add(filePath, mediaId);
        }
    }

    private static void readJson(InputStream in, String label, MediaItems items) throws IOException {
        try (JsonParser json = JSON.createParser(in)) {
            try {
                readDocument(json, label, items);
            } catch (JsonProcessingException e) {
                throw notJson(label, e, json, "");
            }
        }
    }

    private static void readDocument(JsonParser json, String label, MediaItems items) throws IOException {
        JsonToken first = json.nextToken();
        if (first == JsonToken.START_OBJECT) {
            boolean found = false;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if ("media_items".equals(name) && value == JsonToken.START_ARRAY) {
                    readItems(json, label, items);
                    found = true;
                } else if ("media_items".equals(name)) {
                    throw VlmetaException.malformed("The export " + label + " (line "
                            + json.currentLocation().getLineNr() + "): its 'media_items' is " + describe(value)
                            + ", not an array of items. " + WHAT_JSON_HOLDS);
                } else {
                    json.skipChildren();
                }
            }
            if (!found) {
                throw VlmetaException.malformed("The export " + label + " has no 'media_items' array. "
                        + WHAT_JSON_HOLDS);
            }
        } else if (first == JsonToken.START_ARRAY) {
            readItems(json, label, items);
        } else {
            throw VlmetaException.malformed("The export " + label + " holds " + onlyValue(first) + ", not an export: "
                    + WHAT_AN_EXPORT_HOLDS);
        }
        if (json.nextToken() != null) {
            // two documents run together, or a copy cut and pasted twice: which one is the export?
            throw VlmetaException.malformed("The export " + label + " goes on after its JSON ends (line "
                    + json.currentLocation().getLineNr() + "): a metadata.json holds one object or array.");
        }
    }

    /**
     * @param failure what Jackson threw; its words are read to tell the fault, never shown
     * @param item    which media item the fault is in or after, e.g. {@code  (media item 2)}; empty outside them
     * @return the refusal: bytes that are not UTF-8 as a CSV export's are refused, any other fault in plain words
     *         at its line and column
     */
    private static VlmetaException notJson(String label, JsonProcessingException failure, JsonParser json,
                                           String item) {
        String jackson = failure.getOriginalMessage();
        // Jackson checks UTF-8 as it parses bytes (Latin-1 text, say): the refusal a CSV export gets
        if (jackson != null && jackson.startsWith("Invalid UTF-8")) {
            return notUtf8(label, failure);
        }
        JsonFault fault = JsonFault.of(failure, json);
        return new VlmetaException(ErrorCode.INPUT_MALFORMED, "The export " + label + " is not valid JSON at "
                + fault.position() + item + ": " + fault.words() + ". "
                + WHAT_JSON_HOLDS, failure);
    }

    private static void readItems(JsonParser json, String label, MediaItems items) throws IOException {
        long item = 0;
        while (nextItem(json, label, item) == JsonToken.START_OBJECT) {
            item++;
            try {
                readItem(json, label, items, item);
            } catch (JsonProcessingException e) {
                throw notJson(label, e, json, " (media item " + item + ")");
            }
        }
        if (json.currentToken() != JsonToken.END_ARRAY) {
            // a number or a string among the items: the rest would be passed over, and their media left unmapped
            throw VlmetaException.malformed("The export " + label + ", media item " + (item + 1) + " (line "
                    + json.currentLocation().getLineNr() + "): is " + describe(json.currentToken())
                    + ", not an object with 'filename' and 'media_id'.");
        }
    }

    /** @param before how many items were read before this one: a fault between two is named after the first */
    private static JsonToken nextItem(JsonParser json, String label, long before) throws IOException {
        try {
            return json.nextToken();
        } catch (JsonProcessingException e) {
            throw notJson(label, e, json, before == 0 ? "" : " (after media item " + before + ")");
        }
    }

    private static void readItem(JsonParser json, String label, MediaItems items, long item) throws IOException {
        long line = json.currentTokenLocation().getLineNr();
        ItemText id = ItemText.ABSENT;
        ItemText filePath = ItemText.ABSENT;
        ItemText fileName = ItemText.ABSENT;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            if (!ITEM_FIELDS.contains(name)) {
                json.nextToken();
                json.skipChildren();
                continue;
            }
            ItemText value = ItemText.of(json, name, label, item);
            switch (name) {
                case "media_id" -> id = value;
                case "file_path" -> filePath = value;
                default -> fileName = value;
            }
        }
        // the UI's export gives both; file_path, where it holds one, is the path uploaded
        ItemText path = filePath.text().isBlank() ? fileName : filePath;
        String where = "The export " + label + ", media item " + item + " (line " + line + "): ";
        if (path.text().isBlank()) {
            ItemText named = fileName == ItemText.ABSENT ? filePath : fileName;
            throw VlmetaException.malformed(where + (named == ItemText.ABSENT ? "it has no 'file_name' or 'file_path'."
                    : named.fault() + "; a media item's file name is text such as \"images/a.jpg\"."));
        }
        if (id.text().isBlank()) {
            throw VlmetaException.malformed(where + (id == ItemText.ABSENT ? "it has no 'media_id'."
                    : id.fault() + "; a media id is text such as \"f3e3d00c-1a8e-4a58-85dc-cdea7a8365a0\"."));
        }
        items.add(path.text(), id.text());
    }

    /**
     * One of a media item's fields read here, as text.
     *
     * @param name  the field's name, {@code null} for {@link #ABSENT}
     * @param text  its text; empty when null or absent
     * @param fault what is wrong with it, e.g. {@code its file_name is null, not text}; {@code null} when it is
     *              text that is not blank
     */
    private record ItemText(String name, String text, String fault) {
        static final ItemText ABSENT = new ItemText(null, "", null);

        /**
         * Reads the field's value; the parser stands on its name.
         *
         * @throws VlmetaException when the value is a number, true or false, an array or an object: the media ids
         *                         and file names of Visual Layer's export are all strings, so an item holding
         *                         such a value is not from it, and would otherwise be named empty
         */
        static ItemText of(JsonParser json, String name, String label, long item) throws IOException {
            JsonToken value = json.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                String text = json.getText();
                return new ItemText(name, text, text.isBlank() ? "its " + name + " is empty" : null);
            }
            if (value == JsonToken.VALUE_NULL) {
                return new ItemText(name, "", "its " + name + " is null, not text");
            }
            long line = json.currentTokenLocation().getLineNr();
            throw VlmetaException.malformed("The export " + label + ", media item " + item + " (line " + line + "): "
                    + "its " + name + " is " + valueWords(value) + ", not text; " + name + " is text in the export "
                    + "Visual Layer writes.");
        }

        /** @return a non-text value as a message names it: {@code a number}, {@code true} */
        private static String valueWords(JsonToken value) {
            return switch (value) {
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                default -> describe(value);
            };
        }
    }

    /** @return what a file holding just this one value holds, as a message names it: {@code only null} */
    private static String onlyValue(JsonToken value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value) {
            case VALUE_NULL -> "only null";
            case VALUE_TRUE -> "only true";
            case VALUE_FALSE -> "only false";
            case VALUE_STRING -> "a single JSON string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a single JSON number";
            default -> "a single JSON value";
        };
    }

    /** @return {@code text} as a refusal quotes it: cut to {@link #QUOTE_LIMIT} characters, and "..." after */
    static String cut(String text) {
        return text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
    }

    /** @return a JSON token as a message names it, e.g. {@code a number} */
    private static String describe(JsonToken token) {
        if (token == null) {
            return "missing (the file ends there)";
        }
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "not a media item";
        };
    }
}
