package io.vlmeta.sources.dicom;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vlmeta.api.FileFaults;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one sidecar file into a JSON tree, strictly, with one exception: the trailing comma that
 * dcmtk 3.6.7's {@code dcm2json} writes (see {@link DcmtkTrailingComma}). Every failure becomes a
 * checked exception that says why, so no parser exception and no stack trace reaches the user.
 */
final class SidecarJsonReader {
    private final JsonFactory json;

    /**
     * @param root                the parsed JSON, never {@code null}
     * @param dcmtkTrailingComma  the file had dcm2json's trailing comma, which was ignored
     */
    record Result(JsonNode root, boolean dcmtkTrailingComma) {
    }

    SidecarJsonReader(JsonFactory json) {
        this.json = json;
    }

    /**
     * @throws UnreadableSidecarException  the file cannot be opened or read (the message says why)
     * @throws InvalidSidecarJsonException the parser refused the content
     * @throws MalformedSidecarException   the file is empty
     */
    Result read(Path sidecar) throws UnreadableSidecarException, InvalidSidecarJsonException, MalformedSidecarException {
        InvalidSidecarJsonException strictFailure;
        try (InputStream in = Files.newInputStream(sidecar)) {
            return new Result(parse(in), false);
        } catch (InvalidSidecarJsonException e) {
            strictFailure = e;
        } catch (IOException e) {
            throw new UnreadableSidecarException(FileFaults.whyUnreadable(sidecar, e));
        }
        JsonNode repaired = withoutDcmtkTrailingComma(sidecar);
        if (repaired == null) {
            throw strictFailure;
        }
        return new Result(repaired, true);
    }

    /** @return the tree with dcm2json's trailing comma ignored, or {@code null} when that is not the file's defect */
    private JsonNode withoutDcmtkTrailingComma(Path sidecar) throws UnreadableSidecarException, MalformedSidecarException {
        try {
            long comma = DcmtkTrailingComma.commaOffset(sidecar);
            if (comma < 0) {
                return null;
            }
            try (InputStream in = DcmtkTrailingComma.blankedAt(Files.newInputStream(sidecar), comma)) {
                JsonNode root = parse(in);
                // dcm2json writes the DICOM JSON Model; the same comma in any other JSON is an ordinary error
                return JsonModelParser.looksLikeJsonModel(root) ? root : null;
            } catch (InvalidSidecarJsonException e) {
                return null;
            }
        } catch (IOException e) {
            throw new UnreadableSidecarException(FileFaults.whyUnreadable(sidecar, e));
        }
    }

    private JsonNode parse(InputStream in) throws IOException, InvalidSidecarJsonException, MalformedSidecarException {
        try (JsonParser parser = json.createParser(in)) {
            JsonNode root;
            try {
                root = SidecarTree.read(parser);
            } catch (StreamConstraintsException e) {
                // Jackson gives limit violations no location; the parser knows where it stopped
                throw refusal(e, parser.currentTokenLocation(), true);
            } catch (JsonProcessingException e) {
                throw refusal(e, e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation(), false);
            }
            if (root == null) {
                throw new MalformedSidecarException("it is empty");
            }
            return root;
        }
    }

    private static InvalidSidecarJsonException refusal(JsonProcessingException e, JsonLocation location, boolean limit) {
        long line = location == null ? -1 : location.getLineNr();
        long column = location == null ? -1 : location.getColumnNr();
        return new InvalidSidecarJsonException(plain(e.getOriginalMessage()), line, column, limit);
    }

    /**
     * Jackson appends where an unclosed object began, and names its own settings behind a limit; the
     * line and column say enough, and the setting is not the user's to change.
     */
    private static String plain(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String plain = message;
        int marker = plain.indexOf(" (start marker at");
        if (marker >= 0) {
            plain = plain.substring(0, marker);
        }
        return plain.replaceAll(", from `[^`]*`", "");
    }
}
