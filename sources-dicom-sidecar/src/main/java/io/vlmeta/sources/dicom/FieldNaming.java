package io.vlmeta.sources.dicom;


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

    /** @param origin how a refusal names the option: a plan file's key; null for the option's own name */
    static FieldNaming fromOption(String value, String origin) {
        for (FieldNaming naming : values()) {
            if (naming.optionValue.equals(value.trim())) {
                return naming;
            }
        }
        // the word is not shown: a value typed in the wrong place may be a secret
        throw SidecarOptions.refused(origin, "Option field-names takes keyword or snake; the value given is neither.",
                "not keyword or snake, the namings it takes");
    }
}
