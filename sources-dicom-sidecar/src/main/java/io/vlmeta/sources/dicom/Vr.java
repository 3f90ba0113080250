package io.vlmeta.sources.dicom;

import java.util.Locale;
import java.util.Optional;

/** A DICOM value representation (PS3.5 section 6.2), grouped by how vlmeta turns its values into metadata. */
enum Vr {
    AE(Kind.TEXT), AS(Kind.TEXT), AT(Kind.TEXT), CS(Kind.CODE), DA(Kind.DATE), DS(Kind.NUMBER), DT(Kind.DATE_TIME),
    FL(Kind.NUMBER), FD(Kind.NUMBER), IS(Kind.NUMBER), LO(Kind.TEXT), LT(Kind.TEXT), OB(Kind.BINARY),
    OD(Kind.BINARY), OF(Kind.BINARY), OL(Kind.BINARY), OV(Kind.BINARY), OW(Kind.BINARY), PN(Kind.PERSON_NAME),
    SH(Kind.TEXT), SL(Kind.NUMBER), SQ(Kind.SEQUENCE), SS(Kind.NUMBER), ST(Kind.TEXT), SV(Kind.NUMBER),
    TM(Kind.TIME), UC(Kind.TEXT), UI(Kind.TEXT), UL(Kind.NUMBER), UN(Kind.BINARY), UR(Kind.LINK), US(Kind.NUMBER),
    UT(Kind.TEXT), UV(Kind.NUMBER);

    /** How values of a VR become raw values. */
    enum Kind { DATE, TIME, DATE_TIME, NUMBER, CODE, PERSON_NAME, TEXT, LINK, SEQUENCE, BINARY }

    private final Kind kind;

    Vr(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** Sequences and binary values have no metadata form; they are skipped and said so. */
    boolean isSkipped() {
        return kind == Kind.SEQUENCE || kind == Kind.BINARY;
    }

    /**
     * The field type this VR implies. A multi-valued number is a fixed-length vector (PixelSpacing,
     * ImageOrientationPatient): neither one float nor a set of options, so it travels as DICOM's own text
     * {@code 0.661468\0.661468} and is suggested as {@code string}.
     */
    String suggestedType(boolean multiValued) {
        return switch (kind) {
            case DATE, DATE_TIME -> "datetime";
            case NUMBER -> multiValued ? "string" : "float";
            case CODE -> multiValued ? "multi-enum" : "enum";
            case LINK -> "link";
            default -> "string";
        };
    }

    static Optional<Vr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notAVr) {
            return Optional.empty();
        }
    }
}
