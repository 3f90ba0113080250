package io.vlmeta.sources.dicom;

import io.vlmeta.api.SourceRequest;
import io.vlmeta.api.VlmetaException;

import java.nio.file.FileSystems;
import java.util.Locale;
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
        SidecarFormat format = request.option(FORMAT).map(SidecarFormat::fromOption).orElse(null);
        String glob = request.option(GLOB).map(String::trim).orElse(DEFAULT_GLOB);
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw VlmetaException.usage("Option sidecar-glob '" + glob + "' is not a valid glob pattern such as *.json.");
        }
        FieldNaming naming = request.option(FIELD_NAMES).map(FieldNaming::fromOption).orElse(null);
        boolean combine = request.option(COMBINE_DATE_TIME).map(SidecarOptions::parseBoolean).orElse(false);
        SidecarKey key = request.option(KEY).map(value -> SidecarKey.parse(value, dictionary)).orElse(null);
        return new SidecarOptions(format, glob, naming, combine, key);
    }

    FieldNaming namingOr(FieldNaming inputDefault) {
        return naming == null ? inputDefault : naming;
    }

    private static boolean parseBoolean(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            // the word is not shown: a value typed in the wrong place may be a secret
            default -> throw VlmetaException.usage("Option combine-date-time takes true or false; the value given is "
                    + "neither.");
        };
    }
}
