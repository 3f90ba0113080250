package io.vlmeta.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The name the copy of standard input (or of a pipe) takes. The source is chosen by the file's name, and
 * a pipe has none worth trusting, so the name comes from the first bytes: a zip is a workbook, Parquet's
 * magic number {@code PAR1} is Parquet, a first non-blank opening brace (after an optional UTF-8 byte order
 * mark) that begins a whole JSON object, followed by another or by nothing, is JSON Lines, gzip whose
 * content starts so is gzipped JSON Lines, anything else stays CSV, as before. {@code --source} still wins
 * over the name.
 */
final class StdinFormat {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** The first four bytes of every Parquet file (Apache Parquet's file format). */
    private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
    /** ID1 and ID2 of a gzip member (RFC 1952, 2.3.1). */
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final JsonFactory JSON = new JsonFactory();

    private StdinFormat() {
    }

    /**
     * @param copy the bytes piped in, already on disk
     * @return {@code stdin.xlsx}, {@code stdin.parquet}, {@code stdin.jsonl}, {@code stdin.jsonl.gz} or
     *     {@code stdin.csv}
     * @throws IOException when the copy cannot be read
     */
    static String fileName(Path copy) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(copy))) {
            in.mark(ZIP_MAGIC.length);
            byte[] head = in.readNBytes(ZIP_MAGIC.length);
            if (startsWith(head, ZIP_MAGIC)) {
                return "stdin.xlsx";
            }
            if (startsWith(head, PARQUET_MAGIC)) {
                return "stdin.parquet";
            }
            if (startsWith(head, GZIP_MAGIC) && startsAsJsonLines(copy, true)) {
                return "stdin.jsonl.gz";
            }
            in.reset();
            return firstNonBlank(in) == '{' && startsAsJsonLines(copy, false) ? "stdin.jsonl" : "stdin.csv";
        }
    }

    /**
     * @param gzipped whether the copy is gzip-compressed
     * @return whether the content starts with a whole JSON object followed by another or by nothing: a CSV
     *     whose first cell begins with a brace ({@code {a},b}, {@code {"a":1},b}) does not; false too when it
     *     is not readable gzip after all (it is then read as before, and refused by the source that reads it)
     */
    private static boolean startsAsJsonLines(Path copy, boolean gzipped) {
        try (InputStream file = Files.newInputStream(copy);
             InputStream in = new BufferedInputStream(gzipped ? new GZIPInputStream(file) : file);
             JsonParser json = JSON.createParser(in)) {
            // Jackson skips a byte order mark and the blank lines before the first object itself
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            json.skipChildren();
            JsonToken next = json.nextToken();
            return next == null || next == JsonToken.START_OBJECT;
        } catch (IOException e) { // JsonProcessingException included: not JSON
            return false;
        }
    }

    /** @return the first byte that is not blank, after an optional byte order mark; -1 when there is none */
    private static int firstNonBlank(InputStream in) throws IOException {
        in.mark(UTF8_BOM.length);
        if (!startsWith(in.readNBytes(UTF8_BOM.length), UTF8_BOM)) {
            in.reset();
        }
        // blank lines before the first object are allowed in JSON Lines; the loop ends at the first other byte
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
