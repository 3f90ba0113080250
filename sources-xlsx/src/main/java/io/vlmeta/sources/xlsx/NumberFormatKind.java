package io.vlmeta.sources.xlsx;

/**
 * What an Excel number format makes of the number in a cell, which is always a plain serial number
 * in the sheet XML: the format alone tells a date from a time of day, a duration or a quantity.
 */
enum NumberFormatKind {
    /** A quantity: {@code General}, {@code 0.00}, {@code 0%}, {@code @} and every format without date or time codes. */
    NUMBER,
    /** A calendar date, with or without a time: {@code yyyy-mm-dd}, {@code m/d/yy h:mm}, {@code yyyy"年"m"月"d"日"}. */
    DATE,
    /** A time of day only, whose serial day is not shown: {@code h:mm}, {@code h:mm:ss AM/PM}, {@code mm:ss}. */
    TIME_OF_DAY,
    /** An elapsed time, whose hours (or minutes, or seconds) run past a day: {@code [h]:mm:ss}, {@code [mm]:ss}. */
    DURATION,
    /**
     * A built-in format id that East-Asian Excel versions show differently (a date in one language, a
     * time of day in another) in a workbook that does not say which language wrote it.
     */
    LOCALE_DEPENDENT
}
