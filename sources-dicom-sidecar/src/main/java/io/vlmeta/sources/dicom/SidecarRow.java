package io.vlmeta.sources.dicom;

import io.vlmeta.api.Location;
import java.util.List;

/**
 * One image's attributes: a sidecar file or a converter CSV row.
 *
 * @param key        the media key
 * @param location   where the row is
 * @param attributes the attributes that can become metadata, in input order
 * @param skipped    the attributes that cannot
 */
record SidecarRow(String key, Location location, List<DicomAttribute> attributes, List<SkippedAttribute> skipped) {

    SidecarRow {
        attributes = List.copyOf(attributes);
        skipped = List.copyOf(skipped);
    }
}
