package io.vlmeta.fieldtypes;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses datetime values to UTC text {@code YYYY-MM-DDTHH:MM:SSZ}. Values without a zone are read in
 * the job's time zone; the fraction of a second is dropped.
 *
 * <p>Explicit patterns are tried before the ISO forms: a user who says the column is written
 * {@code uuuu-dd-MM} must not have {@code 2024-03-04} read as March. In a zone with daylight saving
 * a wall-clock time that never happened (inside the spring-forward gap) is refused, except midnight,
 * which is the start of that day; a time that happened twice takes the earlier instant.
 */
final class DatetimeParser implements ValueParser {

    private static final int MAX_OFFSET_SECONDS = 18 * 3600;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final ZoneOffset fixedOffset;
    private final DatetimePatterns patterns;
    private final String expected;

    DatetimeParser(ZoneId zone, DatetimePatterns patterns) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
        this.patterns = patterns;
        this.expected = expectedForms(patterns.patterns());
    }

    private static String expectedForms(List<String> patterns) {
        String iso = "Expected ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD";
        if (patterns.isEmpty()) {
            return iso;
        }
        String quoted = patterns.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
        return iso + (patterns.size() == 1 ? ", or the --datetime-format pattern " : ", or a --datetime-format pattern: ")
                + quoted;
    }

    @Override
    public ParseResult parse(RawValue raw) {
        if (raw instanceof RawValue.Text text) {
            return parseText(text.value().strip());
        }
        if (raw instanceof RawValue.Number number) {
            // Only an explicit pattern (e.g. uuuuMMdd) can read a number; a serial day count is never guessed.
            return parseText(ScalarText.of(number));
        }
        if (raw instanceof RawValue.DateTime dateTime) {
            return toUtc(raw.display(), dateTime.dateTime(), dateTime.offset());
        }
        if (raw instanceof RawValue.TimeOfDay) {
            // An Excel time cell has no day; 1899-12-31 (serial day 0) would be an invented date.
            return ParseResult.invalid("Holds a time of day (" + raw.display() + ") without a date.");
        }
        if (raw instanceof RawValue.Duration) {
            return ParseResult.invalid("Holds a duration (" + raw.display() + "), not a date.");
        }
        if (raw instanceof RawValue.ListValue) {
            return ParseResult.invalid("Invalid datetime value '" + Quoted.value(raw.display())
                    + "'. Must be a single date, not a list");
        }
        return ParseResult.absent();
    }

    private ParseResult parseText(String text) {
        if (text.isEmpty()) {
            return ParseResult.absent();
        }
        if (!patterns.isEmpty()) {
            ParseResult byPattern = parseWithPatterns(text);
            if (byPattern != null) {
                return byPattern;
            }
        }
        IsoDateTimeFields fields = IsoDateTimeFields.read(text);
        if (fields == null) {
            return ParseResult.invalid("Invalid datetime format '" + Quoted.value(text) + "'. " + expected);
        }
        String impossible = impossible(fields);
        if (impossible != null) {
            return noSuch(text, impossible);
        }
        if (fields.year() >= 1 && isUtcAlready(text)) {
            return ParseResult.of(text);
        }
        if (fields.hasOffset() || fixedOffset != null) {
            // the offset is known without zone rules, so the instant is arithmetic (as LocalDateTime.toEpochSecond)
            int offsetSeconds = fields.hasOffset() ? fields.offsetSeconds() : fixedOffset.getTotalSeconds();
            return utcOf(text, fields.epochSecondAtOffset(offsetSeconds));
        }
        LocalDateTime wallClock = LocalDateTime.of(fields.year(), fields.month(), fields.day(), fields.hour(),
                fields.minute(), fields.second());
        return toUtc(text, wallClock, fields.hasOffset() ? ZoneOffset.ofTotalSeconds(fields.offsetSeconds()) : null);
    }

    private ParseResult parseWithPatterns(String text) {
        TemporalAccessor parsed;
        try {
            parsed = patterns.parse(text);
        } catch (DateTimeException noSuchDate) {
            return noSuch(text, "No such date or time");
        }
        if (parsed == null) {
            return null;
        }
        LocalDate date = parsed.query(TemporalQueries.localDate());
        LocalTime time = parsed.query(TemporalQueries.localTime());
        ZoneId written = parsed.query(TemporalQueries.zone());
        return toUtc(text, date.atTime(time == null ? LocalTime.MIDNIGHT : time), written);
    }

    /** The form the server wants, checked to exist, is sent as it is: no conversion, no new string. */
    private static boolean isUtcAlready(String text) {
        return text.length() == 20 && text.charAt(10) == 'T' && text.charAt(19) == 'Z';
    }

    private static String impossible(IsoDateTimeFields fields) {
        if (fields.month() < 1 || fields.month() > 12) {
            return "No such date: there is no month " + fields.month();
        }
        Month month = Month.of(fields.month());
        int days = month.length(Year.isLeap(fields.year()));
        if (fields.day() < 1 || fields.day() > days) {
            return "No such date: " + month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + fields.year()
                    + " has " + days + " days";
        }
        if (fields.hour() > 23 || fields.minute() > 59 || fields.second() > 59) {
            return "No such time of day";
        }
        if (fields.offsetMinutes() > 59 || Math.abs(fields.offsetSeconds()) > MAX_OFFSET_SECONDS) {
            return "No such UTC offset";
        }
        return null;
    }

    /**
     * @param writtenZone the zone or offset the value carried, or {@code null} to use the job's zone
     */
    private ParseResult toUtc(String shown, LocalDateTime wallClock, ZoneId writtenZone) {
        ZoneOffset offset = offsetOf(wallClock, writtenZone);
        long epochSecond;
        if (offset != null) {
            epochSecond = wallClock.toEpochSecond(offset);
        } else if (wallClock.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            // The day starts when the clocks move forward past its missing midnight.
            epochSecond = rulesOf(writtenZone).getTransition(wallClock).getInstant().getEpochSecond();
        } else {
            ZoneId gapZone = writtenZone == null ? zone : writtenZone;
            return noSuch(shown, "That local time does not exist in " + gapZone.getId()
                    + " (the clocks moved forward); write it with a UTC offset");
        }
        return utcOf(shown, epochSecond);
    }

    private static ParseResult utcOf(String shown, long epochSecond) {
        String utc = UtcText.of(epochSecond);
        if (utc == null) {
            return noSuch(shown, "The year in UTC must be between 0001 and 9999");
        }
        return ParseResult.of(utc);
    }

    /** @return the offset in force at {@code wallClock}, or {@code null} inside a daylight-saving gap */
    private ZoneOffset offsetOf(LocalDateTime wallClock, ZoneId writtenZone) {
        if (writtenZone instanceof ZoneOffset written) {
            return written;
        }
        if (writtenZone == null && fixedOffset != null) {
            return fixedOffset;
        }
        List<ZoneOffset> valid = rulesOf(writtenZone).getValidOffsets(wallClock);
        return valid.isEmpty() ? null : valid.get(0);
    }

    private ZoneRules rulesOf(ZoneId writtenZone) {
        return writtenZone == null ? rules : writtenZone.getRules();
    }

    private static ParseResult noSuch(String shown, String reason) {
        return ParseResult.invalid("Invalid datetime value '" + Quoted.value(shown) + "'. " + reason);
    }
}
