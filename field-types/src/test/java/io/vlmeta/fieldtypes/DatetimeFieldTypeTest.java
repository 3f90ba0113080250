package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import io.vlmeta.api.VlmetaException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatetimeFieldTypeTest {

    private static final String EXPECTED =
            "Expected ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD";

    private final DatetimeFieldType type = new DatetimeFieldType();
    private final ValueParser utc = type.parser(Settings.defaults());
    private final ValueParser newYork = type.parser(Settings.timezone("America/New_York"));

    @ParameterizedTest
    @CsvSource({
        "2024-01-15T10:30:00Z, 2024-01-15T10:30:00Z",
        "2024-01-15T10:30:00+02:00, 2024-01-15T08:30:00Z",
        "2024-01-15T10:30:00-05:00, 2024-01-15T15:30:00Z",
        "2024-01-15T10:30:00+0530, 2024-01-15T05:00:00Z",
        "2024-01-15T01:30:00+05, 2024-01-14T20:30:00Z",
        "2024-01-15, 2024-01-15T00:00:00Z",
        "2024-01-15 10:30:00, 2024-01-15T10:30:00Z",
        "2024-01-15T10:30:00, 2024-01-15T10:30:00Z",
        "2024-01-15T10:30, 2024-01-15T10:30:00Z",
        "2024-01-15T10:30:00.999Z, 2024-01-15T10:30:00Z",
        "2024-01-15 10:30:00.123456, 2024-01-15T10:30:00Z",
        "2024-01-15t10:30:00z, 2024-01-15T10:30:00Z",
        "2024-02-29T23:59:59Z, 2024-02-29T23:59:59Z",
        "'  2024-01-15  ', 2024-01-15T00:00:00Z",
        "2024-02-29T23:30:00-01:00, 2024-03-01T00:30:00Z",
        "2100-03-01T00:30:00+01:00, 2100-02-28T23:30:00Z",
        "2000-03-01T00:30:00+01:00, 2000-02-29T23:30:00Z",
        "1969-12-31T23:00:00-01:00, 1970-01-01T00:00:00Z",
        "1600-01-01 00:00:00+18:00, 1599-12-31T06:00:00Z",
        "0001-01-01T00:00:00-01:00, 0001-01-01T01:00:00Z",
        "9999-12-31T23:59:59+00:00, 9999-12-31T23:59:59Z",
    })
    void convertsTheAcceptedIsoFormsToUtc(String written, String sent) {
        assertThat(utc.parse(RawValue.text(written))).isEqualTo(ParseResult.of(sent));
    }

    @Test
    void readsValuesWithoutAZoneInTheJobsTimeZone() {
        assertThat(newYork.parse(RawValue.text("2024-01-15"))).isEqualTo(ParseResult.of("2024-01-15T05:00:00Z"));
        assertThat(newYork.parse(RawValue.text("2024-07-15 10:30:00"))).isEqualTo(ParseResult.of("2024-07-15T14:30:00Z"));
        assertThat(newYork.parse(RawValue.text("2024-07-15T10:30:00Z"))).isEqualTo(ParseResult.of("2024-07-15T10:30:00Z"));
    }

    @Test
    void refusesOtherFormsNamingTheExpectedOnes() {
        ParseResult result = utc.parse(RawValue.text("01-15-2024"));

        assertThat(result).isEqualTo(ParseResult.invalid("Invalid datetime format '01-15-2024'. " + EXPECTED));
        assertThat(Rendered.atRow(8, "created_at", result)).isEqualTo("Row 8, field 'created_at': "
                + "Invalid datetime format '01-15-2024'. Expected ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"03/04/2024", "15.01.2024", "2024/01/15", "20240115", "2024-1-5", "24-01-15",
        "2024-01-15T10", "2024-01-15T10:30:00+2", "2024-01-15T10:30:00 UTC", "2024-01-15T10:30:00.Z", "yesterday"})
    void neverGuessesAnAmbiguousOrUnlistedForm(String written) {
        assertThat(utc.parse(RawValue.text(written)))
                .isEqualTo(ParseResult.invalid("Invalid datetime format '" + written + "'. " + EXPECTED));
    }

    @Test
    void readsAnExplicitPatternTheUserGives() {
        ValueParser dayFirst = type.parser(Settings.timezone("UTC", "dd/MM/yyyy"));
        ValueParser monthFirst = type.parser(Settings.timezone("UTC", "MM/dd/uuuu HH:mm"));

        assertThat(dayFirst.parse(RawValue.text("03/04/2024"))).isEqualTo(ParseResult.of("2024-04-03T00:00:00Z"));
        assertThat(monthFirst.parse(RawValue.text("03/04/2024 17:05"))).isEqualTo(ParseResult.of("2024-03-04T17:05:00Z"));
        assertThat(dayFirst.parse(RawValue.text("2024-01-15"))).isEqualTo(ParseResult.of("2024-01-15T00:00:00Z"));
    }

    @Test
    void readsAPatternsZoneOrElseTheJobsZone() {
        ValueParser withOffset = type.parser(Settings.timezone("Asia/Tokyo", "dd.MM.uuuu HH:mm XXX", "dd.MM.uuuu"));

        assertThat(withOffset.parse(RawValue.text("15.01.2024 10:30 +01:00")))
                .isEqualTo(ParseResult.of("2024-01-15T09:30:00Z"));
        assertThat(withOffset.parse(RawValue.text("15.01.2024"))).isEqualTo(ParseResult.of("2024-01-14T15:00:00Z"));
    }

    @Test
    void triesTheUsersPatternsBeforeTheIsoForms() {
        ValueParser dayBeforeMonth = type.parser(Settings.timezone("UTC", "uuuu-dd-MM"));

        assertThat(dayBeforeMonth.parse(RawValue.text("2024-03-04"))).isEqualTo(ParseResult.of("2024-04-03T00:00:00Z"));
    }

    @Test
    void namesTheUsersPatternsWhenNothingMatches() {
        ValueParser one = type.parser(Settings.timezone("UTC", "dd/MM/uuuu"));
        ValueParser two = type.parser(Settings.timezone("UTC", "dd/MM/uuuu", "uuuuMMdd"));

        assertThat(one.parse(RawValue.text("Jan 5"))).isEqualTo(ParseResult.invalid("Invalid datetime format 'Jan 5'. "
                + EXPECTED + ", or the --datetime-format pattern 'dd/MM/uuuu'"));
        assertThat(two.parse(RawValue.text("Jan 5"))).isEqualTo(ParseResult.invalid("Invalid datetime format 'Jan 5'. "
                + EXPECTED + ", or a --datetime-format pattern: 'dd/MM/uuuu', 'uuuuMMdd'"));
    }

    @Test
    void refusesImpossibleDatesInsteadOfMovingThem() {
        assertThat(utc.parse(RawValue.text("2024-02-30"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '2024-02-30'. No such date: February 2024 has 29 days"));
        assertThat(utc.parse(RawValue.text("2023-02-29T10:00:00Z"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '2023-02-29T10:00:00Z'. No such date: February 2023 has 28 days"));
        assertThat(utc.parse(RawValue.text("2024-13-01"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '2024-13-01'. No such date: there is no month 13"));
        assertThat(utc.parse(RawValue.text("2024-01-15T24:00:00"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '2024-01-15T24:00:00'. No such time of day"));
        assertThat(utc.parse(RawValue.text("2024-01-15T10:00:60Z"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '2024-01-15T10:00:60Z'. No such time of day"));
        assertThat(utc.parse(RawValue.text("2024-01-15T10:00:00+19:00"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '2024-01-15T10:00:00+19:00'. No such UTC offset"));
    }

    @Test
    void refusesImpossibleDatesReadWithAPattern() {
        ValueParser dayFirst = type.parser(Settings.timezone("UTC", "dd/MM/yyyy"));

        assertThat(dayFirst.parse(RawValue.text("30/02/2024"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '30/02/2024'. No such date or time"));
    }

    @Test
    void refusesAWallClockTimeThatNeverHappenedInTheJobsZone() {
        assertThat(newYork.parse(RawValue.text("2024-03-10 02:30:00"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '2024-03-10 02:30:00'. That local time does not exist in America/New_York"
                        + " (the clocks moved forward); write it with a UTC offset"));
    }

    @Test
    void readsAMissingMidnightAsTheStartOfThatDay() {
        ValueParser santiago = type.parser(Settings.timezone("America/Santiago"));

        assertThat(santiago.parse(RawValue.text("2024-09-08"))).isEqualTo(ParseResult.of("2024-09-08T04:00:00Z"));
    }

    @Test
    void readsAWallClockTimeThatHappenedTwiceAsTheEarlierInstant() {
        assertThat(newYork.parse(RawValue.text("2024-11-03 01:30:00"))).isEqualTo(ParseResult.of("2024-11-03T05:30:00Z"));
    }

    @Test
    void refusesInstantsWhoseUtcYearHasNoFourDigitForm() {
        assertThat(utc.parse(RawValue.text("0001-01-01T00:30:00+01:00"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '0001-01-01T00:30:00+01:00'. The year in UTC must be between 0001 and 9999"));
        assertThat(utc.parse(RawValue.text("0000-06-01T00:00:00Z"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '0000-06-01T00:00:00Z'. The year in UTC must be between 0001 and 9999"));
        assertThat(utc.parse(RawValue.text("9999-12-31T23:30:00-01:00"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '9999-12-31T23:30:00-01:00'. The year in UTC must be between 0001 and 9999"));
        assertThat(utc.parse(RawValue.text("0000-12-31 23:00"))).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '0000-12-31 23:00'. The year in UTC must be between 0001 and 9999"));
    }

    @Test
    void convertsDateCellsWithoutGoingThroughText() {
        LocalDateTime wallClock = LocalDateTime.of(2024, 1, 15, 10, 30, 15, 999_000_000);

        assertThat(utc.parse(new RawValue.DateTime(wallClock, null))).isEqualTo(ParseResult.of("2024-01-15T10:30:15Z"));
        assertThat(newYork.parse(new RawValue.DateTime(wallClock, null)))
                .isEqualTo(ParseResult.of("2024-01-15T15:30:15Z"));
        assertThat(newYork.parse(new RawValue.DateTime(wallClock, ZoneOffset.ofHours(1))))
                .isEqualTo(ParseResult.of("2024-01-15T09:30:15Z"));
    }

    @Test
    void readsNumberCellsOnlyThroughAnExplicitPattern() {
        RawValue dicomDate = new RawValue.Number(new BigDecimal("20240115"));
        ValueParser compact = type.parser(Settings.timezone("UTC", "uuuuMMdd"));

        assertThat(compact.parse(dicomDate)).isEqualTo(ParseResult.of("2024-01-15T00:00:00Z"));
        assertThat(utc.parse(dicomDate))
                .isEqualTo(ParseResult.invalid("Invalid datetime format '20240115'. " + EXPECTED));
        assertThat(utc.parse(RawValue.Number.ofDouble(45306)))
                .isEqualTo(ParseResult.invalid("Invalid datetime format '45306'. " + EXPECTED));
    }

    @Test
    void refusesAListCell() {
        RawValue list = new RawValue.ListValue(List.of(RawValue.text("2024-01-15"), RawValue.text("2024-01-16")));

        assertThat(utc.parse(list)).isEqualTo(ParseResult.invalid(
                "Invalid datetime value '[2024-01-15, 2024-01-16]'. Must be a single date, not a list"));
    }

    @Test
    void treatsEmptyCellsAsMissing() {
        assertThat(utc.parse(RawValue.text(" "))).isSameAs(ParseResult.absent());
        assertThat(utc.parse(RawValue.missing())).isSameAs(ParseResult.absent());
    }

    @Test
    void refusesAMalformedPatternAsAUsageError() {
        assertThatThrownBy(() -> type.parser(Settings.timezone("UTC", "dd/MM/bbbb")))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("The --datetime-format given is not a date pattern Java reads ('b' is not a pattern "
                        + "letter); write one such as dd/MM/uuuu or uuuu-MM-dd HH:mm, with the letters of Java's "
                        + "DateTimeFormatter.");
        assertThatThrownBy(() -> type.parser(Settings.timezone("UTC", "dd/MM/uuuu", "'S3CRET")))
                .hasMessage("The 2nd --datetime-format given is not a date pattern Java reads (a quote left open, a "
                        + "bracket not closed, or too many of one letter); write one such as dd/MM/uuuu or uuuu-MM-dd "
                        + "HH:mm, with the letters of Java's DateTimeFormatter.");
    }

    @Test
    void refusesAPatternWithoutAWholeDate() {
        assertThatThrownBy(() -> type.parser(Settings.timezone("UTC", "HH:mm")))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("The --datetime-format given is not a whole date pattern; it must include the year, "
                        + "month and day (e.g. dd/MM/uuuu).");
    }

    @Test
    void declaresADatetimeField() {
        var accumulator = type.newAccumulator("created_at", Settings.defaults());

        assertThat(accumulator.finish()).isEmpty();
        assertThat(accumulator.declaration()).isEqualTo(FieldDeclaration.simple("created_at", "datetime", "datetime"));
    }
}
