package io.vlmeta.sources.dicom;

import java.util.List;

/** What one sidecar held: attributes that can become metadata, and those that cannot. */
record ParsedSidecar(List<DicomAttribute> attributes, List<SkippedAttribute> skipped) {

    ParsedSidecar {
        attributes = List.copyOf(attributes);
        skipped = List.copyOf(skipped);
    }
}
