package io.vlmeta.sources.dicom;

import io.vlmeta.api.RawValue;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an attribute's values into a raw value by its VR, never by guessing. Text that does not read
 * as its VR says (a DA of {@code 2004-13-45}) is passed on as written, so the field type refuses it with
 * the row and field named.
 */
final class ValueConverter {
    /** DICOM's own separator between the values of a multi-valued attribute. */
    static final String VALUE_SEPARATOR = "\\";

    private ValueConverter() {
    }

    /**
     * @param multiValuedColumn whether some row of this column held several values; a CS column then
     *                          always yields a list, a number column always text
     */
    static RawValue convert(DicomAttribute attribute, boolean multiValuedColumn) {
        List<Object> values = attribute.values();
        if (values.isEmpty() || values.stream().allMatch(v -> text(v).isBlank())) {
            return RawValue.missing();
        }
        if (attribute.vr() == null) {
            return values.size() == 1 && values.get(0) instanceof BigDecimal number
                    ? new RawValue.Number(number) : joined(values, ValueConverter::text);
        }
        return switch (attribute.vr().kind()) {
            case DATE -> values.size() == 1 ? date(text(values.get(0))) : joined(values, ValueConverter::text);
            case DATE_TIME -> values.size() == 1 ? dateTime(text(values.get(0))) : joined(values, ValueConverter::text);
            case TIME -> joined(values, v -> DicomDates.time(text(v)).map(DicomDates.TimeOfDay::text).orElse(text(v)));
            case NUMBER -> multiValuedColumn || values.size() > 1 ? joined(values, ValueConverter::text) : number(values.get(0));
            case CODE -> multiValuedColumn ? codes(values) : joined(values, ValueConverter::text);
            case PERSON_NAME -> personName(values);
            default -> joined(values, ValueConverter::text);
        };
    }

    /** A DA as midnight UTC: a calendar date names no instant, and UTC keeps it on the same day. */
    static RawValue date(String text) {
        return DicomDates.date(text)
                .<RawValue>map(d -> new RawValue.DateTime(d.atStartOfDay(), ZoneOffset.UTC))
                .orElseGet(() -> new RawValue.Text(text));
    }

    static RawValue dateTime(String text) {
        return DicomDates.dateTime(text)
                .<RawValue>map(dt -> new RawValue.DateTime(dt.dateTime(), dt.offset()))
                .orElseGet(() -> new RawValue.Text(text));
    }

    static Optional<LocalTime> timeOfDay(String text) {
        return DicomDates.time(text).map(DicomDates.TimeOfDay::time);
    }

    static String text(Object value) {
        return value instanceof BigDecimal number ? RawValue.Number.text(number) : ((String) value).trim();
    }

    private static RawValue number(Object value) {
        if (value instanceof BigDecimal number) {
            return new RawValue.Number(number);
        }
        String text = text(value);
        try {
            // DS and IS arrive as text in converter rows: keep the digits as written.
            return new RawValue.Number(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
        } catch (NumberFormatException notANumber) {
            return new RawValue.Text(text);
        }
    }

    private static RawValue codes(List<Object> values) {
        List<RawValue> items = new ArrayList<>();
        for (Object value : values) {
            String code = text(value);
            if (!code.isEmpty()) {
                items.add(new RawValue.Text(code));
            }
        }
        return new RawValue.ListValue(items);
    }

    /** Trailing empty groups ({@code Wang^XiaoDong=王^小東=}) are dropped; a name of delimiters alone is empty. */
    private static RawValue personName(List<Object> values) {
        List<String> names = new ArrayList<>();
        for (Object value : values) {
            String name = text(value).replaceAll("=+$", "");
            if (!name.replace("^", "").replace("=", "").isBlank()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? RawValue.missing() : new RawValue.Text(String.join(VALUE_SEPARATOR, names));
    }

    private static RawValue joined(List<Object> values, Function<Object, String> asText) {
        return new RawValue.Text(values.stream().map(asText).collect(Collectors.joining(VALUE_SEPARATOR)));
    }
}
