package io.vlmeta.sources.dicom;

import io.vlmeta.api.RawValue;
import io.vlmeta.api.VlmetaException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Option {@code sidecar-key}: the attribute whose value names the image a dataset describes, so that
 * one sidecar may describe many images, as a DICOMweb metadata response (PS3.18 section F.2, a JSON
 * array with one dataset per instance) does. The key of a record is the attribute's value, inside the
 * sidecar's own folder: {@code study/series.json} keyed by {@code SOPInstanceUID} gives
 * {@code study/1.2.840.113619.2.1}.
 *
 * @param tag     eight upper-case hex digits, e.g. {@code 00080018}
 * @param keyword the PS3.6 keyword, e.g. {@code SOPInstanceUID}, or {@code tag_ggggeeee} for a tag the
 *                dictionary does not know
 */
record SidecarKey(String tag, String keyword) {

    /**
     * @param option a keyword ({@code SOPInstanceUID}) or a tag ({@code 00080018}, {@code (0008,0018)},
     *               {@code 0008,0018})
     * @param origin how a refusal names the option: a plan file's key; null for the option's own name
     * @throws VlmetaException (usage) when it is neither
     */
    static SidecarKey parse(String option, DicomDictionary dictionary, String origin) {
        String text = option.trim();
        String digits = text.replace("(", "").replace(")", "").replace(",", "").trim();
        if (DicomTags.isTag(digits)) {
            String tag = DicomTags.normalize(digits);
            return new SidecarKey(tag, dictionary.byTag(tag).map(DictionaryEntry::keyword).orElse(DicomTags.fallbackName(tag)));
        }
        return dictionary.byKeyword(text).map(entry -> new SidecarKey(entry.tag(), entry.keyword()))
                .orElseThrow(() -> SidecarOptions.refused(origin, "Option " + SidecarOptions.KEY + " '" + option
                        + "' is neither a DICOM keyword such as SOPInstanceUID nor a tag such as 00080018 or "
                        + "(0008,0018).",
                        "neither a DICOM keyword such as SOPInstanceUID nor a tag such as 00080018 or (0008,0018)"));
    }

    /** @return e.g. {@code SOPInstanceUID (0008,0018)} */
    String describe() {
        return keyword + " " + DicomTags.display(tag);
    }

    /**
     * @return the one value of this attribute in a dataset, as text
     * @throws MalformedSidecarException when the dataset does not hold exactly one non-empty value
     */
    String valueIn(ParsedSidecar dataset) throws MalformedSidecarException {
        for (DicomAttribute attribute : dataset.attributes()) {
            if (tag.equals(attribute.tag()) || keyword.equals(attribute.keyword())) {
                return single(attribute.values());
            }
        }
        throw new MalformedSidecarException("it has no " + describe() + " to name its image by (option "
                + SidecarOptions.KEY + ")");
    }

    private String single(List<Object> values) throws MalformedSidecarException {
        if (values.size() > 1) {
            throw new MalformedSidecarException("its " + describe() + " holds " + values.size()
                    + " values; option " + SidecarOptions.KEY + " needs an attribute with one value per image");
        }
        Object value = values.isEmpty() ? "" : values.get(0);
        String text = value instanceof BigDecimal number ? RawValue.Number.text(number) : value.toString().strip();
        if (text.isEmpty()) {
            throw new MalformedSidecarException("its " + describe() + " is empty, so it names no image (option "
                    + SidecarOptions.KEY + ")");
        }
        return text;
    }
}
