package io.vlmeta.sources.dicom;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The DICOM converter's column naming: {@code SOPInstanceUID} becomes {@code sop_instance_uid},
 * {@code PatientID} becomes {@code patient_id}. Same two rules the converter applies, so both name a
 * field alike.
 */
final class SnakeCase {
    private static final Pattern BEFORE_CAPITALISED_WORD = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern LOWER_THEN_UPPER = Pattern.compile("([a-z0-9])([A-Z])");

    private SnakeCase() {
    }

    static String of(String keyword) {
        String words = BEFORE_CAPITALISED_WORD.matcher(keyword).replaceAll("$1_$2");
        return LOWER_THEN_UPPER.matcher(words).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Remembers the names it has made, for a parser that names every attribute of every sidecar: a
     * folder repeats the same keywords in each file, and two regular expressions per attribute were
     * a large part of reading it. Holds one entry per distinct keyword, as the column catalogue does.
     * Not thread-safe: one per parser.
     */
    static final class Cache {
        private final Map<String, String> names = new HashMap<>();

        String of(String keyword) {
            return names.computeIfAbsent(keyword, SnakeCase::of);
        }
    }
}
