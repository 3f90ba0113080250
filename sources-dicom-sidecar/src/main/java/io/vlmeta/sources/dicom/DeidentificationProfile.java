package io.vlmeta.sources.dicom;

import java.util.HashSet;
import java.util.Set;

/**
 * The attributes the DICOM Basic Application Level Confidentiality Profile (PS3.15 Annex E,
 * Table E.1-1) removes or replaces, shipped as {@code deidentification-profile.tsv}. Columns holding them
 * are marked sensitive so they do not reach a cloud host by accident. The profile also removes every
 * private attribute, so those count as identifying too.
 */
final class DeidentificationProfile {
    private static final DeidentificationProfile BASIC = load();

    private final Set<String> tags;
    private final Set<String> names;

    private DeidentificationProfile(Set<String> tags, Set<String> names) {
        this.tags = Set.copyOf(tags);
        this.names = Set.copyOf(names);
    }

    static DeidentificationProfile basic() {
        return BASIC;
    }

    /** @param tag eight hex digits */
    boolean coversTag(String tag) {
        String normalized = DicomTags.normalize(tag);
        return tags.contains(normalized) || DicomTags.isPrivate(normalized);
    }

    /** @param name a keyword ({@code PatientName}) or its converter form ({@code patient_name}) */
    boolean coversName(String name) {
        return names.contains(name);
    }

    Set<String> tags() {
        return tags;
    }

    private static DeidentificationProfile load() {
        Set<String> tags = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (String[] row : TsvResource.read("deidentification-profile.tsv")) {
            tags.add(DicomTags.normalize(row[0]));
            names.add(row[1]);
            names.add(SnakeCase.of(row[1]));
        }
        return new DeidentificationProfile(tags, names);
    }
}
