package io.vlmeta.sources.dicom;

import java.util.List;

/**
 * One attribute as a sidecar or a converter row held it, before it becomes a raw value.
 *
 * @param tag       eight hex digits, or {@code null} when the input named the attribute only by a
 *                  name the dictionary does not know
 * @param keyword   the DICOM keyword ({@code StudyDate}), the fallback {@code tag_00091001}, or the
 *                  input's own name for attributes outside the dictionary
 * @param snakeName the converter's form of the name ({@code study_date})
 * @param vr        the value representation, or {@code null} when nothing says what the text is
 * @param values    the values in order: {@link String} or {@link java.math.BigDecimal}; empty when the
 *                  attribute is present without a value
 */
record DicomAttribute(String tag, String keyword, String snakeName, Vr vr, List<Object> values) {

    DicomAttribute {
        values = List.copyOf(values);
    }

    boolean isMultiValued() {
        return values.size() > 1;
    }
}
