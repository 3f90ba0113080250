package io.vlmeta.api;

import java.util.Objects;

/**
 * A column a source offers, with what the source knows about it.
 *
 * @param name          the column (field) name; never blank
 * @param suggestedType the field type name the source's own typing implies (e.g. from a DICOM VR:
 *                      {@code "float"} for DS), used by {@code --infer} before looking at values;
 *                      {@code null} when the source knows nothing
 * @param sensitive     true when the column holds identifying personal data (e.g. DICOM patient
 *                      attributes); the engine refuses to send it to a non-local server without
 *                      {@code --allow-phi}
 * @param note          a short remark for the plan, e.g. {@code "DICOM DA (0008,0020)"}; may be {@code null}
 * @since 0.1
 */
public record ColumnInfo(String name, String suggestedType, boolean sensitive, String note) {

    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name is blank");
        }
    }

    /** A plain column: no suggested type, not sensitive. */
    public static ColumnInfo plain(String name) {
        return new ColumnInfo(name, null, false, null);
    }
}
