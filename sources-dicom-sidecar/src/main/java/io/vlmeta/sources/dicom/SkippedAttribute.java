package io.vlmeta.sources.dicom;

/**
 * An attribute that holds something metadata cannot carry (a sequence, binary data).
 *
 * @param tag  eight hex digits, or {@code null} for a flat sidecar's nested value
 * @param name the keyword or the input's name
 * @param kind the VR, or what the value was ({@code JSON object})
 */
record SkippedAttribute(String tag, String name, String kind) {

    /** @return e.g. {@code PixelData (7FE0,0010) OW}, as the warning lists it */
    String describe() {
        return tag == null ? name + " (" + kind + ")" : name + " " + DicomTags.display(tag) + " " + kind;
    }
}
