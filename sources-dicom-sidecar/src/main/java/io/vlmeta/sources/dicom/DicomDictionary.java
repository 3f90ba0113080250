package io.vlmeta.sources.dicom;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tag to keyword and VR, from the PS3.6 subset shipped as {@code dictionary.tsv}: the patient, study,
 * series, equipment, frame of reference, image, image plane, image pixel and SOP common modules, the
 * attributes the de-identification profile names, and more. Unknown tags get {@code tag_ggggeeee} names.
 */
final class DicomDictionary {
    private static final DicomDictionary STANDARD = load();

    private final Map<String, DictionaryEntry> byTag;
    private final Map<String, DictionaryEntry> byKeyword;
    private final Map<String, DictionaryEntry> bySnakeName;

    private DicomDictionary(Map<String, DictionaryEntry> byTag) {
        this.byTag = Map.copyOf(byTag);
        Map<String, DictionaryEntry> keywords = new HashMap<>();
        Map<String, DictionaryEntry> snakeNames = new HashMap<>();
        for (DictionaryEntry entry : byTag.values()) {
            keywords.put(entry.keyword(), entry);
            snakeNames.put(SnakeCase.of(entry.keyword()), entry);
        }
        this.byKeyword = Map.copyOf(keywords);
        this.bySnakeName = Map.copyOf(snakeNames);
    }

    static DicomDictionary standard() {
        return STANDARD;
    }

    Optional<DictionaryEntry> byTag(String tag) {
        return Optional.ofNullable(byTag.get(DicomTags.normalize(tag)));
    }

    Optional<DictionaryEntry> byKeyword(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword));
    }

    /** @param snakeName a column name in the converter's style, e.g. {@code study_date} */
    Optional<DictionaryEntry> bySnakeName(String snakeName) {
        return Optional.ofNullable(bySnakeName.get(snakeName));
    }

    private static DicomDictionary load() {
        Map<String, DictionaryEntry> entries = new HashMap<>();
        for (String[] row : TsvResource.read("dictionary.tsv")) {
            Vr vr = Vr.parse(row[2]).orElseThrow(() -> new IllegalStateException("bad VR in dictionary: " + row[2]));
            entries.put(DicomTags.normalize(row[0]), new DictionaryEntry(DicomTags.normalize(row[0]), row[1], vr));
        }
        return new DicomDictionary(entries);
    }
}
