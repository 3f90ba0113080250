package io.vlmeta.sources.dicom;

import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.nio.file.FileSystems;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The source's options.
 *
 * @param format          the forced input format, or {@code null} to detect it from content
 * @param glob            which files in a folder are sidecars ({@code sidecar-glob}, default {@code *.json})
 * @param naming          the field naming asked for, or {@code null} for the input's own: keywords for
 *                        sidecars, the header's snake_case names for the converter CSV
 * @param combineDateTime whether date and time pairs become one datetime column ({@code combine-date-time})
 * @param key             the attribute naming each dataset's image ({@code sidecar-key}), or {@code null}
 *                        to name it after the sidecar file
 */
record SidecarOptions(SidecarFormat format, String glob, FieldNaming naming, boolean combineDateTime, SidecarKey key) {

    static final String FORMAT = "sidecar-format";
    static final String GLOB = "sidecar-glob";
    static final String FIELD_NAMES = "field-names";
    static final String COMBINE_DATE_TIME = "combine-date-time";
    static final String KEY = "sidecar-key";
    static final String DEFAULT_GLOB = "*.json";
    /** Every option this source reads. */
    static final Set<String> NAMES = Set.of(FORMAT, GLOB, FIELD_NAMES, COMBINE_DATE_TIME, KEY);

    static SidecarOptions from(SourceRequest request, DicomDictionary dictionary) {
        return from(request.options(), Map.of(), dictionary);
    }

    /**
     * @param options the options by name, none null
     * @param origins for an option not given by a flag, how a refusal names it (a plan file's key, e.g.
     *                {@code Plan p.yaml, line 8, input.options.field-names}); the others are named as the option
     * @throws VlmetaException (usage) naming the first option whose value this source cannot read
     */
    static SidecarOptions from(Map<String, String> options, Map<String, String> origins, DicomDictionary dictionary) {
        SidecarFormat format = value(options, FORMAT).map(v -> SidecarFormat.fromOption(v, origins.get(FORMAT)))
                .orElse(null);
        String glob = value(options, GLOB).map(String::trim).orElse(DEFAULT_GLOB);
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw refused(origins.get(GLOB), "Option sidecar-glob '" + glob + "' is not a valid glob pattern such as "
                    + "*.json.", "not a glob pattern; write one such as *.json");
        }
        FieldNaming naming = value(options, FIELD_NAMES)
                .map(v -> FieldNaming.fromOption(v, origins.get(FIELD_NAMES))).orElse(null);
        boolean combine = value(options, COMBINE_DATE_TIME)
                .map(v -> parseBoolean(v, origins.get(COMBINE_DATE_TIME))).orElse(false);
        SidecarKey key = value(options, KEY).map(v -> SidecarKey.parse(v, dictionary, origins.get(KEY))).orElse(null);
        return new SidecarOptions(format, glob, naming, combine, key);
    }

    private static Optional<String> value(Map<String, String> options, String name) {
        return Optional.ofNullable(options.get(name));
    }

    /**
     * @param origin   a plan file's key, or null for an option given by a flag
     * @param flagWords the refusal of the option given by a flag, a whole sentence
     * @param wrong    what is wrong with a plan's value and what is accepted, without a final full stop; never the
     *                 value, which may be a secret typed in the wrong place
     */
    static VlmetaException refused(String origin, String flagWords, String wrong) {
        return VlmetaException.usage(origin == null ? flagWords : origin + ": " + wrong + ".");
    }

    FieldNaming namingOr(FieldNaming inputDefault) {
        return naming == null ? inputDefault : naming;
    }

    private static boolean parseBoolean(String value, String origin) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            // the word is not shown: a value typed in the wrong place may be a secret
            default -> throw refused(origin, "Option combine-date-time takes true or false; the value given is "
                    + "neither.", "not true or false");
        };
    }
}
