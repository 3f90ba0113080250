package io.vlmeta.sources.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonFactory;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.VlmetaException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * One pass over a folder of sidecars. A sidecar is one JSON object describing one image, or a DICOMweb
 * metadata response (PS3.18 section F.2: a JSON array of such objects, one per instance), read as one
 * image when it holds one instance and, with option {@code sidecar-key}, as one image per instance.
 *
 * <p>A sidecar that cannot be read is reported as an error naming the file and why, and skipped; the
 * others still count. When none can be read, the pass fails with the first reasons. At the end of the
 * pass, one warning names the sidecars read despite dcm2json's trailing comma.
 */
final class SidecarFolderRows implements SidecarRows {
    private static final String SUFFIX = ".json";
    private static final int NAMED = 3;

    private final Path folder;
    private final String glob;
    private final SortedSidecarWalk walk;
    private final SidecarFormat forcedFormat;
    private final SidecarKey key;
    private final SidecarJsonReader reader;
    private final JsonModelParser jsonModel;
    private final FlatSidecarParser flat;
    private final ProblemReporter reporter;
    private final Deque<SidecarRow> pending = new ArrayDeque<>();
    private final FirstFew failures = new FirstFew(NAMED);
    private final FirstFew dcmtkCommas = new FirstFew(NAMED);
    /** Whether every sidecar that failed could not be read or held no JSON: the input failed to be read (exit 1). */
    private boolean onlyUnreadableFiles = true;
    private long sidecars;
    private long rows;
    private boolean finished;

    SidecarFolderRows(Path folder, SidecarOptions options, DicomDictionary dictionary, JsonFactory json,
            ProblemReporter reporter) {
        this.folder = folder;
        this.glob = options.glob();
        this.walk = unreadableOnFailure(folder, () -> new SortedSidecarWalk(folder, options.glob()));
        this.forcedFormat = options.format();
        this.key = options.key();
        this.reader = new SidecarJsonReader(json);
        this.jsonModel = new JsonModelParser(dictionary);
        this.flat = new FlatSidecarParser(dictionary);
        this.reporter = reporter;
    }

    @Override
    public SidecarRow next() {
        while (pending.isEmpty()) {
            Path sidecar = nextSidecar();
            if (sidecar == null) {
                finish();
                return null;
            }
            read(sidecar);
        }
        rows++;
        return pending.poll();
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
        return unreadableOnFailure(folder, walk::next);
    }

    private void read(Path sidecar) {
        sidecars++;
        Location location = Location.of(sidecar.toString(), 1);
        try {
            SidecarJsonReader.Result read = reader.read(sidecar);
            if (read.dcmtkTrailingComma()) {
                dcmtkCommas.add(relativeName(sidecar));
            }
            addDatasets(sidecar, read.root());
        } catch (UnreadableSidecarException e) {
            fail(location, "Sidecar " + sidecar + " " + e.getMessage() + ".", true);
        } catch (InvalidSidecarJsonException e) {
            // no JSON at all is a file of another format, not a sidecar whose values were refused: read, not valid
            fail(location, e.describe(sidecar), true);
        } catch (MalformedSidecarException e) {
            fail(location, "Sidecar " + sidecar + " cannot be read: " + e.getMessage() + ".", false);
        }
    }

    private void addDatasets(Path sidecar, JsonNode root) throws MalformedSidecarException {
        if (root.isArray() && forcedFormat != SidecarFormat.FLAT) {
            addInstances(sidecar, root);
            return;
        }
        Location location = Location.of(sidecar.toString(), 1);
        ParsedSidecar parsed = parse(root);
        String mediaKey = key == null ? mediaKey(sidecar) : keyed(sidecar, key.valueIn(parsed));
        pending.add(new SidecarRow(mediaKey, location, parsed.attributes(), parsed.skipped()));
    }

    /** A DICOMweb metadata response: one dataset per instance, each in the JSON Model. */
    private void addInstances(Path sidecar, JsonNode instances) throws MalformedSidecarException {
        int count = instances.size();
        if (count == 0) {
            throw new MalformedSidecarException("it is an empty JSON array, a DICOMweb metadata response without instances");
        }
        if (key == null) {
            if (count > 1) {
                throw new MalformedSidecarException("it is a DICOMweb metadata response holding " + count
                        + " instances, but one sidecar describes one image; set --source-option "
                        + SidecarOptions.KEY + "=SOPInstanceUID (or another attribute) to read each instance as "
                        + "the image that attribute names");
            }
            ParsedSidecar parsed = instance(instances.get(0), 1, 1);
            pending.add(new SidecarRow(mediaKey(sidecar), Location.of(sidecar.toString(), 1), parsed.attributes(),
                    parsed.skipped()));
            return;
        }
        for (int i = 0; i < count; i++) {
            // Row n is the n-th instance, so problems in its values point at it
            Location location = Location.of(sidecar.toString(), i + 1);
            try {
                ParsedSidecar parsed = instance(instances.get(i), i + 1, count);
                String mediaKey = keyed(sidecar, key.valueIn(parsed));
                pending.add(new SidecarRow(mediaKey, location, parsed.attributes(), parsed.skipped()));
            } catch (MalformedSidecarException e) {
                fail(location, "Sidecar " + sidecar + ", instance " + (i + 1) + " of " + count + ", cannot be read: "
                        + e.getMessage() + ".", false);
            }
        }
    }

    private ParsedSidecar instance(JsonNode dataset, int number, int count) throws MalformedSidecarException {
        if (!dataset.isObject()) {
            throw new MalformedSidecarException("instance " + number + " of " + count + " of its JSON array is a JSON "
                    + dataset.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a dataset object keyed by tag");
        }
        return jsonModel.parse(dataset);
    }

    private ParsedSidecar parse(JsonNode root) throws MalformedSidecarException {
        SidecarFormat format = forcedFormat != null ? forcedFormat
                : JsonModelParser.looksLikeJsonModel(root) ? SidecarFormat.JSON_MODEL : SidecarFormat.FLAT;
        return format == SidecarFormat.JSON_MODEL ? jsonModel.parse(root) : flat.parse(root);
    }

    private void fail(Location location, String message, boolean unreadable) {
        reporter.report(Problem.error(ProblemCategory.INPUT, location, null, message));
        failures.add(message);
        onlyUnreadableFiles &= unreadable;
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (rows == 0 && !failures.isEmpty()) {
            throw noneReadable();
        }
        if (!dcmtkCommas.isEmpty()) {
            int count = dcmtkCommas.count();
            reporter.report(Problem.warning(ProblemCategory.INPUT, null, null, "Read " + count + " sidecar"
                    + (count == 1 ? "" : "s") + " ending with a comma before the closing brace, as dcmtk 3.6.7's "
                    + "dcm2json leaves the file of an image with compressed pixel data (it stops at PixelData "
                    + "(7FE0,0010), which it cannot write inline); only that comma was ignored, and attributes after "
                    + "the pixel data, which few files have, are not in these sidecars: "
                    + dcmtkCommas.joined(", ") + "."));
        }
    }

    private VlmetaException noneReadable() {
        String what = sidecars == 1 ? "The only sidecar matching '" + glob + "' in " + folder + " could not be read"
                : "None of the " + sidecars + " sidecars matching '" + glob + "' in " + folder + " could be read";
        StringBuilder message = new StringBuilder(what).append(failures.count() == 1 ? ":" : "; the first reasons:");
        failures.first().forEach(reason -> message.append("\n  - ").append(reason));
        int unnamed = failures.count() - failures.first().size();
        if (unnamed > 0) {
            message.append("\n  and ").append(unnamed).append(" more.");
        }
        ErrorCode code = onlyUnreadableFiles ? ErrorCode.INPUT_UNREADABLE : ErrorCode.INPUT_MALFORMED;
        return new VlmetaException(code, message.toString());
    }

    /** {@code a/x.dcm.json} becomes {@code a/x.dcm}, with forward slashes on every platform. */
    private String mediaKey(Path sidecar) {
        String relative = relativeName(sidecar);
        return relative.toLowerCase(Locale.ROOT).endsWith(SUFFIX) && relative.length() > SUFFIX.length()
                ? relative.substring(0, relative.length() - SUFFIX.length())
                : relative;
    }

    /** {@code study/series.json} keyed by {@code 1.2.3} becomes {@code study/1.2.3}. */
    private String keyed(Path sidecar, String value) {
        String relative = relativeName(sidecar);
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? value : relative.substring(0, slash + 1) + value;
    }

    private String relativeName(Path sidecar) {
        StringJoiner joined = new StringJoiner("/");
        walk.relativize(sidecar).forEach(part -> joined.add(part.toString()));
        return joined.toString();
    }

    private static <T> T unreadableOnFailure(Path folder, Supplier<T> action) {
        try {
            return action.get();
        } catch (UncheckedIOException e) {
            throw UnlistableFolder.refusal(folder, e.getCause());
        }
    }
}
