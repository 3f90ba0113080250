package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settles a batch in doubt (its answer lost, a 5xx after sending, a run killed while it was in flight)
 * by reading media back with {@code GET .../image/{media_id}/custom_metadata}, as
 * {@code visual-layer-api.md} ("Read back") describes: a file is applied in order, so when its last
 * entries hold a value it was applied whole, and when its first does not, it was not applied. A server
 * may apply files asynchronously, so the read-back is repeated (backing off) for up to
 * {@code read-back-wait-ms} before deciding. When the first entry holds a value and the last never
 * does, the file was cut off: a bisection over its entries finds how many were applied, and only the
 * tail is sent again.
 */
final class ReadBack {
    /** The last entries read back: one refused by the server (so holding no value) does not hide a whole file. */
    private static final int TAIL_PROBES = 3;
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final VisualLayerApi api;
    private final String fieldName;
    private final Duration wait;
    private final Duration firstPause;

    ReadBack(VisualLayerApi api, String fieldName, Duration wait, Duration firstPause) {
        this.api = api;
        this.fieldName = fieldName;
        this.wait = wait;
        this.firstPause = firstPause;
    }

    /**
     * @param file the batch's JSON file
     * @return how many entries of the batch, from its first, the server holds: its count when it was
     *         applied whole, {@code 0} when not at all
     */
    long applied(Path file) {
        List<String> media = mediaIds(file);
        if (media.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = Math.max(1, firstPause.toMillis());
        boolean first;
        while (true) {
            if (lastHold(media)) {
                return media.size();
            }
            first = holds(media, 0);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            sleep(Math.min(pause, left / 1_000_000 + 1));
            pause = Math.min(pause * 2, 2_000);
        }
        if (!first) {
            return 0;
        }
        int lo = 1;
        int hi = media.size() - 1; // holds(lo - 1) and !holds(hi)
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (holds(media, mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first entry is never among these (unless it is the only one): it holding a value proves nothing of the rest. */
    private boolean lastHold(List<String> media) {
        int lowest = media.size() == 1 ? 0 : Math.max(1, media.size() - TAIL_PROBES);
        for (int i = media.size() - 1; i >= lowest; i--) {
            if (holds(media, i)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(List<String> media, int index) {
        return api.holdsValue(media.get(index), fieldName);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VlmetaException(ErrorCode.INTERNAL, "Interrupted while reading back a batch.", e);
        }
    }

    /** @return the media ids of a batch file, in order */
    static List<String> mediaIds(Path file) {
        List<String> ids = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "media_id".equals(parser.currentName())
                        && parser.getParsingContext().getParent().inArray()
                        && parser.getParsingContext().getParent().getParent().inRoot()) {
                    parser.nextToken();
                    ids.add(parser.getText());
                }
            }
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot read back the batch file " + file + ": it "
                    + FileFaults.whyUnreadable(file, e) + ".", e);
        }
        return ids;
    }

    /** Writes the entries of {@code source} from {@code from} on to a new file next to it. */
    static Path tail(Path source, long from) {
        try {
            Path tail = Files.createTempFile(source.toAbsolutePath().getParent(), "batch-tail-", ".json");
            try (JsonParser parser = JSON.createParser(source.toFile());
                 JsonGenerator out = JSON.createGenerator(tail.toFile(), JsonEncoding.UTF8)) {
                parser.nextToken(); // [
                out.writeStartArray();
                long index = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (index++ >= from) {
                        out.copyCurrentStructure(parser);
                    } else {
                        parser.skipChildren();
                    }
                }
                out.writeEndArray();
            }
            return tail;
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INTERNAL, "Cannot write the rest of a batch to the temporary folder "
                    + source.toAbsolutePath().getParent() + ": " + FileFaults.whyUnwritable(source, e) + ".", e);
        }
    }
}
