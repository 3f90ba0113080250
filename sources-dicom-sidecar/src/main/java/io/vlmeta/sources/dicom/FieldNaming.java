package io.vlmeta.sources.dicom;

import io.vlmeta.api.VlmetaException;

/** How attributes are named as fields: option {@code field-names}. */
enum FieldNaming {
    /** The DICOM keyword, {@code StudyDate}. */
    KEYWORD("keyword"),
    /** The DICOM converter's style, {@code study_date}. */
    SNAKE("snake");

    private final String optionValue;

    FieldNaming(String optionValue) {
        this.optionValue = optionValue;
    }

    String name(DicomAttribute attribute) {
        return this == KEYWORD ? attribute.keyword() : attribute.snakeName();
    }

    /** The name of a column that joins a date and a time: {@code StudyDateTime}, {@code study_datetime}. */
    String combinedName(String prefix) {
        return this == KEYWORD ? prefix + "DateTime" : SnakeCase.of(prefix) + "_datetime";
    }

    static FieldNaming fromOption(String value) {
        for (FieldNaming naming : values()) {
            if (naming.optionValue.equals(value.trim())) {
                return naming;
            }
        }
        // the word is not shown: a value typed in the wrong place may be a secret
        throw VlmetaException.usage("Option field-names takes keyword or snake; the value given is neither.");
    }
}
