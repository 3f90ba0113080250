package io.vlmeta.api;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a cell held, without losing its type. Sources never turn into text what they know is a
 * number or a date: an Excel date cell is a {@link DateTime}, an Excel time cell ({@code h:mm}) a
 * {@link TimeOfDay}, an elapsed-time cell ({@code [h]:mm:ss}) a {@link Duration}, a DICOM {@code DS}
 * value a {@link Number}, a JSON array a {@link ListValue}. Field types decide what they accept.
 * Kinds are added over time (see each one's {@code @since}): a field type should refuse a kind it
 * does not know rather than treat it as missing.
 *
 * @since 0.1
 */
public sealed interface RawValue permits RawValue.Text, RawValue.Number, RawValue.DateTime, RawValue.TimeOfDay,
        RawValue.Duration, RawValue.ListValue, RawValue.Missing {

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

        /**
         * Longest plain form {@link #text(BigDecimal)} writes, in characters; longer numbers are
         * written in E-notation.
         *
         * @since 0.3
         */
        public static final int MAX_PLAIN_LENGTH = 1_024;

        /** @return {@link #text(BigDecimal)} of the value */
        @Override
        public String display() {
            return text(value);
        }

        /**
         * The number in plain digits as a person types it ({@code 0.5}, {@code 42}), or in E-notation
         * ({@code 1E+999999999}) when the plain form would be longer than {@value #MAX_PLAIN_LENGTH}
         * characters: a cell of {@code 1e999999999} would otherwise become a gigabyte of zeros.
         *
         * @param number the number; never {@code null}
         * @return {@link BigDecimal#toPlainString()} or, past the limit, {@link BigDecimal#toString()}
         * @since 0.3
         */
        public static String text(BigDecimal number) {
            long precision = number.precision();
            long scale = number.scale();
            long plainLength = (scale <= 0 ? precision - scale : Math.max(precision, scale + 1) + 1)
                    + (number.signum() < 0 ? 1 : 0);
            return plainLength <= MAX_PLAIN_LENGTH ? number.toPlainString() : number.toString();
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
     * A time of day without a calendar date: an Excel number cell whose format shows only hours,
     * minutes or seconds ({@code h:mm}, {@code h:mm:ss AM/PM}, built-in formats 18 to 21 and 45).
     * It is no date-time: a datetime field refuses it rather than inventing a day.
     *
     * @param time  the wall-clock time, to the millisecond; never {@code null}
     * @param shown the text the source shows for it (an Excel cell's formatted text, e.g. {@code 10:30 AM}),
     *              so a text field receives what the user sees; {@code null} when the source does not say
     * @since 0.2
     */
    record TimeOfDay(LocalTime time, String shown) implements RawValue {
        public TimeOfDay {
            Objects.requireNonNull(time, "time");
        }

        /** A time of day the source shows no text for. */
        public TimeOfDay(LocalTime time) {
            this(time, null);
        }

        /**
         * @return what the source shows, when it said; otherwise {@code HH:mm}, with {@code :ss} when the
         *     seconds are not zero and a fraction when there is one
         */
        @Override
        public String display() {
            return shown != null ? shown : time.toString();
        }
    }

    /**
     * An elapsed length of time: an Excel number cell in an elapsed-time format ({@code [h]:mm:ss},
     * built-in format 46, {@code [mm]:ss}, {@code [ss]}), where {@code 1.5} means 36 hours. It is no
     * date-time: a datetime field refuses it.
     *
     * @param duration the length, to the millisecond, possibly negative; never {@code null}
     * @param shown    the text the source shows for it (an Excel cell's formatted text, e.g. {@code 14:24}
     *                 for {@code [mm]:ss}), so a text field receives what the user sees; {@code null} when
     *                 the source does not say
     * @since 0.2
     */
    record Duration(java.time.Duration duration, String shown) implements RawValue {
        public Duration {
            Objects.requireNonNull(duration, "duration");
        }

        /** A length the source shows no text for. */
        public Duration(java.time.Duration duration) {
            this(duration, null);
        }

        /**
         * @return what the source shows, when it said; otherwise hours, minutes and seconds as
         *     {@code [h]:mm:ss} shows them: {@code 36:00:00}, {@code -0:30:00}
         */
        @Override
        public String display() {
            if (shown != null) {
                return shown;
            }
            java.time.Duration length = duration.abs();
            String text = String.format(java.util.Locale.ROOT, "%s%d:%02d:%02d", duration.isNegative() ? "-" : "",
                    length.toHours(), length.toMinutesPart(), length.toSecondsPart());
            int millis = length.toMillisPart();
            return millis == 0 ? text : text + String.format(java.util.Locale.ROOT, ".%03d", millis);
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
