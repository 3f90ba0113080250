package io.vlmeta.sources.dicom;

/**
 * One attribute of the DICOM data dictionary.
 *
 * @param tag     eight upper-case hex digits, group then element, e.g. {@code 00080020}
 * @param keyword the PS3.6 keyword, e.g. {@code StudyDate}
 * @param vr      the attribute's usual value representation
 */
record DictionaryEntry(String tag, String keyword, Vr vr) {
}
