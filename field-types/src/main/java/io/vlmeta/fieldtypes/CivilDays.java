package io.vlmeta.fieldtypes;

/**
 * Days since 1970-01-01 and calendar dates of the proleptic Gregorian calendar (ISO 8601), by
 * arithmetic alone: the same answers as {@link java.time.LocalDate#toEpochDay()} and
 * {@link java.time.LocalDate#ofEpochDay(long)} without an object per value. The calendar repeats every
 * 400 years (an era of 146,097 days); counting years from March puts the leap day last, so a
 * month's first day of the year follows from its number alone (Howard Hinnant's
 * {@code days_from_civil} and {@code civil_from_days}).
 */
final class CivilDays {

    private static final int DAYS_PER_ERA = 146_097;
    /** Days from 0000-03-01, the start of the era that holds 1970, to 1970-01-01. */
    private static final int EPOCH_IN_ERA = 719_468;

    private CivilDays() {
    }

    /** @return the day count of a date that exists (month 1 to 12, day within the month) */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * DAYS_PER_ERA + dayOfEra - EPOCH_IN_ERA;
    }

    /** A calendar date; the year may be 0 or negative (proleptic, year 0 being 1 BC). */
    record Date(long year, int month, int day) {
    }

    /** @return the date {@code epochDay} days after 1970-01-01 (before it when negative) */
    static Date date(long epochDay) {
        long days = epochDay + EPOCH_IN_ERA;
        long era = Math.floorDiv(days, DAYS_PER_ERA);
        long dayOfEra = days - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        return new Date(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
    }
}
