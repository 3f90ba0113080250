package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class DatetimeRoundTripPropertiesTest {

    /** 0001-01-02 to 9999-12-30, so that no offset moves the UTC year out of four digits. */
    private static final long FIRST = -62_135_510_400L;
    private static final long LAST = 253_402_128_000L;

    private static final List<String> LAYOUTS = List.of(
            "uuuu-MM-dd'T'HH:mm:ssXXX", "uuuu-MM-dd HH:mm:ssXXX", "uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
            "uuuu-MM-dd'T'HH:mm:ss.SSSSSSXX", "uuuu-MM-dd'T'HH:mm:ssXX");

    private final DatetimeFieldType type = new DatetimeFieldType();

    @Property
    void anyInstantWrittenInAnyOffsetConvertsToTheSameUtcText(
            @ForAll @LongRange(min = FIRST, max = LAST) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = -18 * 60, max = 18 * 60) int offsetMinutes,
            @ForAll("layouts") String layout) {
        Instant instant = Instant.ofEpochSecond(epochSecond, nanos);
        String written = DateTimeFormatter.ofPattern(layout).format(instant.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));

        ParseResult result = type.parser(Settings.defaults()).parse(RawValue.text(written));

        assertThat(result).isEqualTo(ParseResult.of(
                DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS))));
    }

    @Property
    void anyInstantWrittenAsWallClockTimeInTheJobsZoneConvertsBack(
            @ForAll @LongRange(min = FIRST, max = LAST) long epochSecond, @ForAll("zones") ZoneId zone) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        LocalDateTime wallClock = LocalDateTime.ofInstant(instant, zone);
        String written = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").format(wallClock);

        ParseResult result = type.parser(Settings.timezone(zone.getId())).parse(RawValue.text(written));

        // A wall-clock time that happened twice is read as the earlier of the two instants.
        Instant expected = wallClock.atZone(zone).toInstant();
        assertThat(result).isEqualTo(ParseResult.of(DateTimeFormatter.ISO_INSTANT.format(expected)));
        if (zone.getRules().getValidOffsets(wallClock).size() == 1) {
            assertThat(expected).isEqualTo(instant);
        }
    }

    @Provide
    Arbitrary<String> layouts() {
        return Arbitraries.of(LAYOUTS);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of);
    }
}
