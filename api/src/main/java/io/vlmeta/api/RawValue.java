package io.vlmeta.api;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a cell held, without losing its type. Sources never turn into text what they know is a
 * number or a date: an Excel date cell is a {@link DateTime}, a DICOM {@code DS} value a
 * {@link Number}, a JSON array a {@link ListValue}. Field types decide what they accept.
 *
 * @since 0.1
 */
public sealed interface RawValue permits RawValue.Text, RawValue.Number, RawValue.DateTime, RawValue.ListValue,
        RawValue.Missing {

    /**
     * Text as the file held it, untrimmed. Blank text counts as missing for every built-in field type.
     *
     * @param value the text; never {@code null}
     */
    record Text(String value) implements RawValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String display() {
            return value;
        }
    }

    /**
     * A number from a typed cell. Keep the digits the file held: build it from the source's text
     * ({@code new BigDecimal("0.24")}) or, for binary doubles, with {@link BigDecimal#valueOf(double)},
     * which gives the shortest text that reads back as the same double ({@code 0.1}, not
     * {@code 0.1000000000000000055511151231257827}).
     *
     * @param value the number; never {@code null}
     */
    record Number(BigDecimal value) implements RawValue {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        /** A number from a binary double, keeping its shortest decimal form; integers lose the {@code .0}. */
        public static Number ofDouble(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
            BigDecimal decimal = BigDecimal.valueOf(value);
            return new Number(decimal.scale() > 0 ? decimal.stripTrailingZeros() : decimal);
        }

        @Override
        public String display() {
            return value.toPlainString();
        }
    }

    /**
     * A date or date-time from a typed cell (an Excel date cell, a DICOM DA or DT value).
     *
     * @param dateTime the wall-clock date and time; a date alone is at midnight
     * @param offset   the offset the value carried, or {@code null} when it carried none (the
     *                 datetime field type then reads it in the job's time zone)
     */
    record DateTime(LocalDateTime dateTime, ZoneOffset offset) implements RawValue {
        public DateTime {
            Objects.requireNonNull(dateTime, "dateTime");
        }

        @Override
        public String display() {
            return offset == null ? dateTime.toString() : dateTime.atOffset(offset).toString();
        }
    }

    /**
     * A list from a typed cell (a JSON array in a sidecar, a multi-valued DICOM attribute).
     *
     * @param items the items in order; never {@code null}, items never {@code null}
     */
    record ListValue(List<RawValue> items) implements RawValue {
        public ListValue {
            items = List.copyOf(items);
        }

        @Override
        public String display() {
            return items.stream().map(RawValue::display).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** No value: an absent column or an empty cell. Never an error, never uploaded. */
    enum Missing implements RawValue {
        INSTANCE;

        @Override
        public String display() {
            return "";
        }
    }

    /** @return the value as a person would read it in a message */
    String display();

    /** @return {@link Missing#INSTANCE} for {@code null}, otherwise a {@link Text} */
    static RawValue text(String value) {
        return value == null ? Missing.INSTANCE : new Text(value);
    }

    /** @return the shared missing value */
    static RawValue missing() {
        return Missing.INSTANCE;
    }

    /** @return true for {@link Missing} and for text that is empty or only white space */
    default boolean isBlank() {
        return this instanceof Missing || (this instanceof Text t && t.value().isBlank());
    }
}
