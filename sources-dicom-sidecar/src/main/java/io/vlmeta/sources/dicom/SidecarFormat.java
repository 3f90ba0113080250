package io.vlmeta.sources.dicom;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The three inputs the source reads; option {@code sidecar-format} forces one, otherwise content decides. */
enum SidecarFormat {
    JSON_MODEL("json-model"),
    FLAT("flat"),
    CONVERTER_CSV("converter-csv");

    private final String optionValue;

    SidecarFormat(String optionValue) {
        this.optionValue = optionValue;
    }

    String optionValue() {
        return optionValue;
    }

    /** @param origin how a refusal names the option: a plan file's key; null for the option's own name */
    static SidecarFormat fromOption(String value, String origin) {
        for (SidecarFormat format : values()) {
            if (format.optionValue.equals(value.trim())) {
                return format;
            }
        }
        // the word is not shown: a value typed in the wrong place may be a secret
        String formats = Arrays.stream(values()).map(SidecarFormat::optionValue).collect(Collectors.joining(", "));
        throw SidecarOptions.refused(origin, "Option sidecar-format takes one of " + formats + "; the value given is "
                + "not one.", "not a format this source reads; use one of " + formats);
    }
}
