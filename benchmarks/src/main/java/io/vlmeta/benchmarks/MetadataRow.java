package io.vlmeta.benchmarks;

import java.util.List;
import java.util.Objects;

/**
 * One generated image: its path (the {@code file_fullpath} key and the export's {@code filename}),
 * the media id the export maps it to, and one cell per {@link BenchmarkSchema#FIELDS field} as text,
 * an empty string standing for an empty cell.
 *
 * @param path    the image path, e.g. {@code images/shard-0042/img-0421234.jpg}
 * @param mediaId the media id, a UUID
 * @param values  the cells, in {@link BenchmarkSchema#FIELDS} order
 */
public record MetadataRow(String path, String mediaId, List<String> values) {

    public MetadataRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(mediaId, "mediaId");
        values = List.copyOf(values);
    }

    /**
     * @param field the position of the field in {@link BenchmarkSchema#FIELDS}
     * @return the cell text, empty for an empty cell
     */
    public String value(int field) {
        return values.get(field);
    }
}
