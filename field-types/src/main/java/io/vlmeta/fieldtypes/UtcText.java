package io.vlmeta.fieldtypes;

/** Writes an instant in the one form the server accepts: {@code YYYY-MM-DDTHH:MM:SSZ}. */
final class UtcText {

    private static final long SECONDS_PER_DAY = 86_400;

    private UtcText() {
    }

    /** @return the UTC text of {@code epochSecond}, or {@code null} when its year is outside 1..9999 */
    static String of(long epochSecond) {
        CivilDays.Date date = CivilDays.date(Math.floorDiv(epochSecond, SECONDS_PER_DAY));
        if (date.year() < 1 || date.year() > 9999) {
            return null;
        }
        int year = (int) date.year();
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        char[] text = new char[20];
        put(text, 0, year, 4);
        text[4] = '-';
        put(text, 5, date.month(), 2);
        text[7] = '-';
        put(text, 8, date.day(), 2);
        text[10] = 'T';
        put(text, 11, secondOfDay / 3600, 2);
        text[13] = ':';
        put(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        put(text, 17, secondOfDay % 60, 2);
        text[19] = 'Z';
        return new String(text);
    }

    private static void put(char[] text, int start, int value, int width) {
        for (int i = start + width - 1; i >= start; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
