package io.vlmeta.sources.dicom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * One pass over a folder of sidecars, one row per file. A sidecar that cannot be parsed is reported
 * as an error naming the file and skipped; the others still count.
 */
final class SidecarFolderRows implements SidecarRows {
    private static final String SUFFIX = ".json";

    private final SortedSidecarWalk walk;
    private final SidecarFormat forcedFormat;
    private final ObjectMapper mapper;
    private final JsonModelParser jsonModel;
    private final FlatSidecarParser flat;
    private final ProblemReporter reporter;

    SidecarFolderRows(Path folder, SidecarOptions options, DicomDictionary dictionary, ObjectMapper mapper,
            ProblemReporter reporter) {
        this.walk = unreadableOnFailure(folder, () -> new SortedSidecarWalk(folder, options.glob()));
        this.forcedFormat = options.format();
        this.mapper = mapper;
        this.jsonModel = new JsonModelParser(dictionary);
        this.flat = new FlatSidecarParser(dictionary);
        this.reporter = reporter;
    }

    @Override
    public SidecarRow next() {
        for (Path sidecar = nextSidecar(); sidecar != null; sidecar = nextSidecar()) {
            Location location = Location.of(sidecar.toString(), 1);
            try {
                ParsedSidecar parsed = parse(sidecar);
                return new SidecarRow(mediaKey(sidecar), location, parsed.attributes(), parsed.skipped());
            } catch (JsonProcessingException e) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, null, "Sidecar " + sidecar
                        + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ": " + withoutSourceMarker(e.getOriginalMessage())
                        + "); a sidecar holds one JSON object."));
            } catch (MalformedSidecarException e) {
                reporter.report(Problem.error(ProblemCategory.INPUT, location, null,
                        "Sidecar " + sidecar + " cannot be read: " + e.getMessage() + "."));
            } catch (IOException e) {
                throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot read sidecar " + sidecar + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    @Override
    public boolean columnsInTagOrder() {
        return true;
    }

    @Override
    public void close() {
        // Each sidecar is opened and closed as it is read; nothing stays open between rows.
    }

    private Path nextSidecar() {
        return unreadableOnFailure(null, walk::next);
    }

    private ParsedSidecar parse(Path sidecar) throws IOException, MalformedSidecarException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(sidecar)) {
            root = mapper.readTree(in);
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedSidecarException("it is empty");
        }
        SidecarFormat format = forcedFormat != null ? forcedFormat
                : JsonModelParser.looksLikeJsonModel(root) ? SidecarFormat.JSON_MODEL : SidecarFormat.FLAT;
        return format == SidecarFormat.JSON_MODEL ? jsonModel.parse(root) : flat.parse(root);
    }

    /** Jackson appends where an unclosed object began, in its own notation; the line and column say enough. */
    private static String withoutSourceMarker(String message) {
        int marker = message.indexOf(" (start marker at");
        return marker < 0 ? message : message.substring(0, marker);
    }

    /** {@code a/x.dcm.json} becomes {@code a/x.dcm}, with forward slashes on every platform. */
    private String mediaKey(Path sidecar) {
        StringJoiner joined = new StringJoiner("/");
        walk.relativize(sidecar).forEach(part -> joined.add(part.toString()));
        String relative = joined.toString();
        return relative.toLowerCase(Locale.ROOT).endsWith(SUFFIX) && relative.length() > SUFFIX.length()
                ? relative.substring(0, relative.length() - SUFFIX.length())
                : relative;
    }

    private static <T> T unreadableOnFailure(Path folder, Supplier<T> action) {
        try {
            return action.get();
        } catch (UncheckedIOException e) {
            String where = folder == null ? "the sidecar folder" : "folder " + folder;
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot list " + where + ": " + e.getCause().getMessage(), e);
        }
    }
}
