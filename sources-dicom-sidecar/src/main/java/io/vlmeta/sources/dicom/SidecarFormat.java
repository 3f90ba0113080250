package io.vlmeta.sources.dicom;

import io.vlmeta.api.VlmetaException;
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

    static SidecarFormat fromOption(String value) {
        for (SidecarFormat format : values()) {
            if (format.optionValue.equals(value.trim())) {
                return format;
            }
        }
        // the word is not shown: a value typed in the wrong place may be a secret
        throw VlmetaException.usage("Option sidecar-format takes one of "
                + Arrays.stream(values()).map(SidecarFormat::optionValue).collect(Collectors.joining(", "))
                + "; the value given is not one.");
    }
}
