package io.vlmeta.sources.xlsx;

/**
 * The kinds of value Excel's built-in number formats show. A built-in format is written in a workbook
 * as a bare {@code numFmtId} with no {@code <numFmt>} entry; what it shows depends on the language
 * of the Excel that reads it, so this table follows ECMA-376 Part 1, §18.8.30 (numFmt), which lists
 * the implied formats for every locale:
 * <ul>
 *   <li>all locales: 0–13 and 37–44, 48, 49 numbers and text; 14–17 dates; 18–21 times of day
 *       ({@code h:mm AM/PM}, {@code h:mm:ss AM/PM}, {@code h:mm}, {@code h:mm:ss}); 22 a date and time;
 *       45 {@code mm:ss} and 47 {@code mmss.0} times of day; 46 {@code [h]:mm:ss} an elapsed duration;</li>
 *   <li>zh-cn, zh-tw, ja-jp and ko-kr: 27–31, 36, 50, 51, 54, 57 and 58 dates in each of them
 *       (e.g. 31 is {@code yyyy"年"m"月"d"日"}), 32 and 33 times of day in each of them
 *       ({@code h"时"mm"分"}); but 34, 35, 52, 53, 55 and 56 are dates in Japanese and Korean Excel
 *       ({@code yyyy"年"m"月"}, {@code yyyy-mm-dd}), and times of day in Chinese Excel
 *       ({@code 上午/下午h"时"mm"分"}), except that Simplified Chinese shows 52 and 53 as dates;</li>
 *   <li>th-th: 59–70 numbers, 71–74 and 81 dates, 75, 76, 78 and 80 times of day, 77 a date and
 *       time, 79 {@code [ช]:นน:ทท} an elapsed duration.</li>
 * </ul>
 * 5–8 and 23–26 are currency formats in the locales that define them; ids up to 163 that no locale
 * defines show as General.
 */
final class BuiltinNumberFormats {
    /** The East-Asian Excel languages whose built-in formats 34, 35, 52, 53, 55 and 56 differ. */
    enum EastAsianLanguage {
        JAPANESE, KOREAN, SIMPLIFIED_CHINESE, TRADITIONAL_CHINESE
    }

    private BuiltinNumberFormats() {
    }

    /** @return true for an id the specification reserves for built-in formats (custom ones start at 164) */
    static boolean isBuiltin(int id) {
        return id >= 0 && id < 164;
    }

    /**
     * @param id       a built-in format id, 0 to 163
     * @param language the Excel language that wrote the workbook, or {@code null} when it is not known
     * @return the kind of value the format shows; {@link NumberFormatKind#LOCALE_DEPENDENT} when it
     *     depends on a language that is not known
     */
    static NumberFormatKind kindOf(int id, EastAsianLanguage language) {
        return switch (id) {
            case 14, 15, 16, 17, 22 -> NumberFormatKind.DATE;
            case 18, 19, 20, 21, 45, 47 -> NumberFormatKind.TIME_OF_DAY;
            case 46 -> NumberFormatKind.DURATION;
            case 27, 28, 29, 30, 31, 36, 50, 51, 54, 57, 58 -> NumberFormatKind.DATE;
            case 32, 33 -> NumberFormatKind.TIME_OF_DAY;
            case 34, 35, 52, 53, 55, 56 -> eastAsianVariant(id, language);
            case 71, 72, 73, 74, 77, 81 -> NumberFormatKind.DATE;
            case 75, 76, 78, 80 -> NumberFormatKind.TIME_OF_DAY;
            case 79 -> NumberFormatKind.DURATION;
            default -> NumberFormatKind.NUMBER;
        };
    }

    private static NumberFormatKind eastAsianVariant(int id, EastAsianLanguage language) {
        if (language == null) {
            return NumberFormatKind.LOCALE_DEPENDENT;
        }
        return switch (language) {
            case JAPANESE, KOREAN -> NumberFormatKind.DATE;
            case SIMPLIFIED_CHINESE -> id == 52 || id == 53 ? NumberFormatKind.DATE : NumberFormatKind.TIME_OF_DAY;
            case TRADITIONAL_CHINESE -> NumberFormatKind.TIME_OF_DAY;
        };
    }
}
