package io.vlmeta.sources.xlsx;

import io.vlmeta.api.RawValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Reads Excel serial numbers, the days (and fractions of a day) a date, time or duration cell holds,
 * in the workbook's date system (ECMA-376 Part 1, §18.17.4.1):
 * <ul>
 *   <li>the 1900 system (the default): serial 1 is 1900-01-01. Serial 60 is 1900-02-29, a day that
 *       never was, which Excel keeps for compatibility with Lotus 1-2-3, so from serial 61
 *       (1900-03-01) on the days count from 1899-12-30. Serial 0 is shown as 1900-01-00: no day at all;</li>
 *   <li>the 1904 system ({@code <workbookPr date1904="1"/>}, old Mac workbooks): serial 0 is 1904-01-01.</li>
 * </ul>
 * The last day either system shows is 9999-12-31. Times are kept to the millisecond.
 */
final class SerialDates {
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final LocalDate DAY_ZERO_1900 = LocalDate.of(1899, 12, 31);
    private static final LocalDate DAY_ZERO_AFTER_LEAP_BUG = LocalDate.of(1899, 12, 30);
    private static final LocalDate DAY_ZERO_1904 = LocalDate.of(1904, 1, 1);
    private static final long FICTITIOUS_LEAP_DAY = 60;
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final boolean date1904;

    /** @param date1904 true for the 1904 date system, false for the 1900 one */
    SerialDates(boolean date1904) {
        this.date1904 = date1904;
    }

    /**
     * A number in a date format. In the 1900 system a serial below 1 has no day (Excel shows
     * 1900-01-00), so it is a time of day.
     *
     * @param shown the number as the sheet holds it, for messages
     * @return a date-time without offset, a time of day, or a failure naming the cell
     */
    CellContent date(RawCell cell, String shown, double serial) {
        long millis = Math.round(serial * MILLIS_PER_DAY);
        long days = Math.floorDiv(millis, MILLIS_PER_DAY);
        LocalTime time = LocalTime.ofNanoOfDay(Math.floorMod(millis, MILLIS_PER_DAY) * 1_000_000L);
        if (days < 0) {
            return notADate(cell, shown);
        }
        if (!date1904 && days == 0) {
            return new CellContent.Value(new RawValue.TimeOfDay(time));
        }
        if (!date1904 && days == FICTITIOUS_LEAP_DAY) {
            return new CellContent.Failure("Cell " + cell.address() + " holds " + shown + " in a date format, which"
                    + " Excel shows as 29 February 1900, a day that never was (a leap-year error Excel keeps from"
                    + " Lotus 1-2-3); enter the real date.");
        }
        LocalDate dayZero = date1904 ? DAY_ZERO_1904 : days < FICTITIOUS_LEAP_DAY ? DAY_ZERO_1900 : DAY_ZERO_AFTER_LEAP_BUG;
        if (days > LAST_DAY.toEpochDay() - dayZero.toEpochDay()) {
            return notADate(cell, shown);
        }
        return new CellContent.Value(new RawValue.DateTime(LocalDateTime.of(dayZero.plusDays(days), time), null));
    }

    /**
     * A number in a time-of-day format: Excel shows the fraction of the day only, whatever the day.
     *
     * @param formatted the cell's text as its format shows it, kept with the time; {@code null} when unknown
     * @return a time of day, or a failure naming the cell for a negative number
     */
    CellContent timeOfDay(RawCell cell, String shown, double serial, String formatted) {
        long millis = Math.round(serial * MILLIS_PER_DAY);
        if (millis < 0) {
            return new CellContent.Failure("Cell " + cell.address() + " holds " + shown + " in a time format, which"
                    + " is not a time of day a spreadsheet can show; enter a valid time.");
        }
        return new CellContent.Value(new RawValue.TimeOfDay(LocalTime.ofNanoOfDay(
                Math.floorMod(millis, MILLIS_PER_DAY) * 1_000_000L), formatted));
    }

    /** @return the length a number in an elapsed-time format stands for: days, to the millisecond */
    static Duration duration(double serial) {
        return Duration.ofMillis(Math.round(serial * MILLIS_PER_DAY));
    }

    private static CellContent notADate(RawCell cell, String shown) {
        return new CellContent.Failure("Cell " + cell.address() + " holds " + shown
                + " in a date format, which is not a date a spreadsheet can show; enter a valid date.");
    }
}
