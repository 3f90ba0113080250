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
        throw VlmetaException.usage("Option sidecar-format must be one of "
                + Arrays.stream(values()).map(SidecarFormat::optionValue).collect(Collectors.joining(", "))
                + ", not '" + value + "'.");
    }
}
