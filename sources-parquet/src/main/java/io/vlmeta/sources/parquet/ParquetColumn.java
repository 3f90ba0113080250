package io.vlmeta.sources.parquet;

import io.vlmeta.api.ColumnInfo;

/**
 * One column a Parquet file offers: a primitive leaf (inside structs its name is the dotted path,
 * {@code camera.model}) or a LIST of primitives.
 *
 * @param name        the column name users give in field flags
 * @param parquetType the Parquet type as tools print it, for notes and messages
 * @param mapping     how stored values become raw values; {@code null} when no field type can take them
 * @param list        true for a LIST column, whose values are lists of {@code mapping}'s values
 */
record ParquetColumn(String name, String parquetType, ValueMapping mapping, boolean list) {

    boolean supported() {
        return mapping != null;
    }

    ColumnInfo info() {
        String suggested = supported() && !list ? mapping.suggestedType() : null;
        String note = "Parquet " + parquetType + (supported() ? "" : ", which no field type takes");
        return new ColumnInfo(name, suggested, false, note);
    }
}
