package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Excel cells formatted as a time of day only ({@code h:mm}) or as an elapsed duration ({@code [h]:mm:ss})
 * hold no calendar date: no field type may invent one, and text-like types take the time as shown.
 */
class TimeCellValuesTest {

    private static final RawValue HALF_PAST_TEN = new RawValue.TimeOfDay(LocalTime.of(10, 30));
    private static final RawValue THIRTY_SIX_HOURS = new RawValue.Duration(Duration.ofHours(36));

    @Test
    void refusesTimeOfDayCellForDatetimeField() {
        assertThat(new DatetimeFieldType().parser(Settings.defaults()).parse(HALF_PAST_TEN))
                .isEqualTo(ParseResult.invalid("Holds a time of day (10:30) without a date."));
    }

    @Test
    void refusesTimeOfDayCellEvenWithAnExplicitPattern() {
        assertThat(new DatetimeFieldType().parser(Settings.timezone("UTC", "dd/MM/uuuu HH:mm")).parse(HALF_PAST_TEN))
                .isEqualTo(ParseResult.invalid("Holds a time of day (10:30) without a date."));
    }

    @Test
    void refusesDurationCellForDatetimeField() {
        assertThat(new DatetimeFieldType().parser(Settings.timezone("America/New_York")).parse(THIRTY_SIX_HOURS))
                .isEqualTo(ParseResult.invalid("Holds a duration (36:00:00), not a date."));
    }

    @Test
    void refusesTimeAndDurationCellsForFloatAndLinkFields() {
        assertThat(new FloatFieldType().parser(Settings.defaults()).parse(HALF_PAST_TEN))
                .isEqualTo(ParseResult.invalid("Invalid float value '10:30'. Must be a number, not a time of day."));
        assertThat(new FloatFieldType().parser(Settings.defaults()).parse(THIRTY_SIX_HOURS))
                .isEqualTo(ParseResult.invalid("Invalid float value '36:00:00'. Must be a number, not a duration."));
        assertThat(new LinkFieldType().parser(Settings.defaults()).parse(HALF_PAST_TEN)).isInstanceOf(ParseResult.Invalid.class);
    }

    @Test
    void textFieldsTakeTheTimeAsShown() {
        assertThat(new StringFieldType().parser(Settings.defaults()).parse(HALF_PAST_TEN)).isEqualTo(ParseResult.of("10:30"));
        assertThat(new StringFieldType().parser(Settings.defaults()).parse(THIRTY_SIX_HOURS))
                .isEqualTo(ParseResult.of("36:00:00"));
        assertThat(new EnumFieldType().parser(Settings.defaults()).parse(new RawValue.TimeOfDay(LocalTime.of(7, 5, 9))))
                .isEqualTo(ParseResult.of("07:05:09"));
        assertThat(new MultiEnumFieldType().parser(Settings.defaults()).parse(HALF_PAST_TEN))
                .isEqualTo(ParseResult.of(List.of("10:30")));
    }

    @Test
    void durationsShowHoursPastADayNegativeLengthsAndMilliseconds() {
        assertThat(new RawValue.Duration(Duration.ofMinutes(-30)).display()).isEqualTo("-0:30:00");
        assertThat(new RawValue.Duration(Duration.ofHours(100).plusSeconds(5).plusMillis(250)).display())
                .isEqualTo("100:00:05.250");
    }
}
