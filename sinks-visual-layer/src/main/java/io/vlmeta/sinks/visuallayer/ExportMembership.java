package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks, before any field is declared, that an offline export ({@code --export-file}) is an export of
 * the dataset the job uploads to. An export of another dataset, or of the same images uploaded again,
 * holds media ids the server does not know: every value sent with them is refused, and the fields,
 * once declared, stay empty for good, as metadata is immutable. A sample of the export's media ids is
 * read through the per-image endpoint ({@code GET .../image/{media_id}/custom_metadata}), which answers
 * {@code 404} for a media id the dataset does not hold (inferred from the API's error convention).
 *
 * <p>An export downloaded from the server during the run needs no check: it is the dataset's own.
 */
final class ExportMembership {
    private ExportMembership() {
    }

    /**
     * @param api       the dataset's API; its dataset must exist (a 404 then means an unknown media item)
     * @param sample    media ids drawn from the export, at most a few dozen; empty for an empty export
     * @param export    how messages name the export file
     * @param datasetId the dataset uploaded to
     * @return an error naming how many sampled ids the dataset lacks and one of them, or empty when it
     *         holds them all
     * @throws io.vlmeta.api.VlmetaException when the server cannot be asked (credentials, 5xx, no answer)
     */
    static Optional<Problem> check(VisualLayerApi api, List<String> sample, String export, String datasetId) {
        List<String> unknown = sample.stream().filter(media -> !api.holdsMedia(media)).toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String how = unknown.size() == sample.size()
                ? "it is an export of another dataset (or of the same images uploaded again, which gives them new "
                        + "media ids)"
                : "media were removed from the dataset since it was exported";
        return Optional.of(Problem.error(ProblemCategory.MAPPING, null, null, String.format(Locale.ROOT,
                "The export file %s does not match dataset '%s': %d of a sample of %d of its media ids are not in "
                        + "the dataset (e.g. %s), so %s. Values sent for them would be refused, and the declared "
                        + "fields would stay without them for good, as metadata is immutable. Nothing was sent: "
                        + "leave out --export-file to map paths with the dataset's own export, or save a fresh one "
                        + "with 'vlmeta export --dataset-id %s'.",
                export, datasetId, unknown.size(), sample.size(), unknown.get(0), how, datasetId)));
    }
}
