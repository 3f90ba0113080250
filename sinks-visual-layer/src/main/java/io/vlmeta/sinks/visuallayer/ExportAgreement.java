package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.MediaKeys;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an offline export ({@code --export-file}) with the dataset's own export, downloaded before
 * anything is declared: every item of the file must be one of the dataset's, the same media id for the
 * same file name. An export of another dataset, of the same images uploaded again (which gives them new
 * media ids), from before media were removed, or with its ids moved to other rows (an edited file)
 * would otherwise map rows to ids the server refuses, or to other images, and what a declared field
 * then lacks or holds wrongly stays so for good, as metadata is immutable.
 *
 * <p>Every item is checked, not a sample: a few wrong ids among millions are as permanent as many.
 * The dataset's export is streamed and not kept; the file's ids are filed in a {@link HashBuckets} by
 * the hash of their canonical form (trimmed, lower case: media ids are UUIDs, whose hex digits
 * RFC 4122 reads in either case), about 16 bytes per media item while the check runs. File names are
 * compared normalised as the index keeps them ({@link io.vlmeta.api.MediaKeys#normalize}); one that
 * ends with the other after a {@code /} agrees too, as the UI's {@code metadata.json} may give a
 * longer {@code file_path} than the export's {@code filename}.
 */
final class ExportAgreement {
    /** How many of the file's unknown items a refusal names. */
    static final int EXAMPLES = 3;

    /** Items whose id the dataset gives another file name kept with that name, for the examples. */
    private static final int MOVED_NAMES_KEPT = 1_000;

    private final MediaIndex file;
    private final HashBuckets byId;
    private final BitSet inDataset;
    private final Map<Integer, String> movedTo = new HashMap<>();

    private ExportAgreement(MediaIndex file) {
        this.file = file;
        int[] hashes = new int[file.size()];
        for (int ordinal = 0; ordinal < hashes.length; ordinal++) {
            hashes[ordinal] = canonical(file.mediaId(ordinal)).hashCode();
        }
        this.byId = new HashBuckets(hashes);
        this.inDataset = new BitSet(hashes.length);
    }

    /**
     * @param file          the export file's index, as the job maps with it
     * @param fileLabel     how messages name the file
     * @param datasetExport the dataset's own export, downloaded
     * @param datasetId     the dataset
     * @return an error naming how many of the file's media ids the dataset lacks and a few of them, or
     *         empty when it holds them all
     * @throws io.vlmeta.api.VlmetaException when the dataset's export cannot be read
     */
    static Optional<Problem> check(MediaIndex file, String fileLabel, Path datasetExport, String datasetId) {
        ExportAgreement agreement = new ExportAgreement(file);
        ExportReader.read(datasetExport, "of dataset '" + datasetId + "'", agreement::seen);
        return agreement.problem(fileLabel, datasetId);
    }

    /** Marks the file's items that are this item of the dataset: the same media id for the same file name. */
    private void seen(String datasetPath, String datasetMediaId) {
        String id = canonical(datasetMediaId);
        int hash = id.hashCode();
        String path = null;
        for (int position = byId.from(hash), end = byId.to(hash); position < end; position++) {
            int ordinal = byId.ordinalIfHash(position, hash);
            if (ordinal >= 0 && !inDataset.get(ordinal) && canonical(file.mediaId(ordinal)).equals(id)) {
                path = path == null ? MediaKeys.normalize(datasetPath) : path;
                if (samePath(file.path(ordinal), path)) {
                    inDataset.set(ordinal);
                    movedTo.remove(ordinal);
                } else if (movedTo.size() < MOVED_NAMES_KEPT) {
                    movedTo.put(ordinal, path);
                }
            }
        }
    }

    /** @return whether two normalised file names name one file: equal, or one ending with {@code /} and the other */
    static boolean samePath(String a, String b) {
        if (a.length() == b.length()) {
            return a.equals(b);
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = a.length() > b.length() ? b : a;
        return longer.endsWith(shorter) && longer.charAt(longer.length() - shorter.length() - 1) == '/';
    }

    private Optional<Problem> problem(String fileLabel, String datasetId) {
        int size = file.size();
        int unknown = size - inDataset.cardinality();
        if (unknown == 0) {
            return Optional.empty();
        }
        StringBuilder examples = new StringBuilder();
        for (int ordinal = inDataset.nextClearBit(0), shown = 0; ordinal < size && shown < EXAMPLES;
             ordinal = inDataset.nextClearBit(ordinal + 1), shown++) {
            examples.append(shown == 0 ? "" : ", ").append(file.path(ordinal)).append(" -> ")
                    .append(file.mediaId(ordinal));
            String datasetPath = movedTo.get(ordinal);
            if (datasetPath != null) {
                examples.append(" (the dataset's id of ").append(datasetPath).append(')');
            }
        }
        String why = unknown == size && movedTo.isEmpty()
                ? "it is an export of another dataset (or of the same images uploaded again, which gives them new "
                        + "media ids)"
                : movedTo.isEmpty() ? "media were removed from the dataset, or uploaded again, since it was exported"
                : "it was exported before media were removed or uploaded again, or edited since";
        return Optional.of(Problem.error(ProblemCategory.MAPPING, null, null, String.format(Locale.ROOT,
                "The export file %s does not match dataset '%s': %,d of its %,d media are not in the dataset's own "
                        + "export with the same file name and media id (e.g. %s), so %s. Rows mapped with them "
                        + "would send values the server refuses or puts on other images, for good, as metadata is "
                        + "immutable. Nothing was sent: leave out --export-file to map paths with the dataset's own "
                        + "export, or save a fresh one with 'vlmeta export --dataset-id %s'.",
                fileLabel, datasetId, unknown, size, examples, why, datasetId)));
    }

    private static String canonical(String mediaId) {
        return mediaId.strip().toLowerCase(Locale.ROOT);
    }
}
