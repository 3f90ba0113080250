package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares an offline export ({@code --export-file}) with the dataset's own export, downloaded before
 * anything is declared: every media id of the file must be one the dataset holds. An export of another
 * dataset, of the same images uploaded again (which gives them new media ids), or from before media
 * were removed would otherwise map rows to ids the server refuses, and the fields, once declared, would
 * lack those values for good, as metadata is immutable.
 *
 * <p>Every id is checked, not a sample: a few stale ids among millions are as permanent a loss as many.
 * The dataset's export is streamed and not kept; the file's ids are filed in a {@link HashBuckets} by
 * the hash of their canonical form (trimmed, lower case: media ids are UUIDs, whose hex digits
 * RFC 4122 reads in either case), about 16 bytes per media item while the check runs.
 */
final class ExportAgreement {
    /** How many of the file's unknown items a refusal names. */
    static final int EXAMPLES = 3;

    private final MediaIndex file;
    private final HashBuckets byId;
    private final int[] hashes;
    private final BitSet inDataset;

    private ExportAgreement(MediaIndex file) {
        this.file = file;
        this.hashes = new int[file.size()];
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
        ExportReader.read(datasetExport, "of dataset '" + datasetId + "'", (path, mediaId) -> agreement.seen(mediaId));
        return agreement.problem(fileLabel, datasetId);
    }

    /** Marks the file's items that carry a media id of the dataset. */
    private void seen(String datasetMediaId) {
        String id = canonical(datasetMediaId);
        int hash = id.hashCode();
        for (int position = byId.from(hash), end = byId.to(hash); position < end; position++) {
            int ordinal = byId.ordinalIfHash(position, hash);
            if (ordinal >= 0 && !inDataset.get(ordinal) && canonical(file.mediaId(ordinal)).equals(id)) {
                inDataset.set(ordinal);
            }
        }
    }

    private Optional<Problem> problem(String fileLabel, String datasetId) {
        int unknown = hashes.length - inDataset.cardinality();
        if (unknown == 0) {
            return Optional.empty();
        }
        StringBuilder examples = new StringBuilder();
        for (int ordinal = inDataset.nextClearBit(0), shown = 0; ordinal < hashes.length && shown < EXAMPLES;
             ordinal = inDataset.nextClearBit(ordinal + 1), shown++) {
            examples.append(shown == 0 ? "" : ", ").append(file.path(ordinal)).append(" -> ")
                    .append(file.mediaId(ordinal));
        }
        String why = unknown == hashes.length
                ? "it is an export of another dataset (or of the same images uploaded again, which gives them new "
                        + "media ids)"
                : "media were removed from the dataset, or uploaded again, since it was exported";
        return Optional.of(Problem.error(ProblemCategory.MAPPING, null, null, String.format(Locale.ROOT,
                "The export file %s does not match dataset '%s': %,d of its %,d media ids are not in the dataset's "
                        + "own export (e.g. %s), so %s. Values sent with them would be refused, and the declared "
                        + "fields would lack them for good, as metadata is immutable. Nothing was sent: leave out "
                        + "--export-file to map paths with the dataset's own export, or save a fresh one with "
                        + "'vlmeta export --dataset-id %s'.",
                fileLabel, datasetId, unknown, hashes.length, examples, why, datasetId)));
    }

    private static String canonical(String mediaId) {
        return mediaId.strip().toLowerCase(Locale.ROOT);
    }
}
