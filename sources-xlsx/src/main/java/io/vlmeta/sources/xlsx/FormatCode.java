package io.vlmeta.sources.xlsx;

import java.util.Locale;

/**
 * Reads a custom number format code ({@code <numFmt formatCode="...">}) as Excel does, to tell what
 * kind of value it shows. Only the codes Excel interprets count: text in double quotes, a character
 * after a backslash, after {@code _} (a space as wide as it) or after {@code *} (fill), and anything
 * in square brackets (a locale such as {@code [$-411]} or {@code [$-F800]}, a colour such as
 * {@code [Red]}, a condition such as {@code [<=100]}, {@code [DBNum1]}) is literal. Square brackets
 * holding only {@code h}, {@code m} or {@code s} letters ({@code [h]}, {@code [mm]}, {@code [ss]})
 * are the elapsed-time codes.
 *
 * <p>Date codes are {@code y}, {@code d}, {@code e} (the year of the era), {@code g} (the era),
 * {@code b} (the Buddhist year), {@code aaa} (the Japanese day of the week), and {@code m} when it
 * is the month; time codes are {@code h},
 * {@code s} and {@code m} when it is the minute, that is right after an {@code h} or right before
 * an {@code s} (ECMA-376 Part 1, §18.8.31 numFmts). {@code E+} and {@code E-} are scientific
 * notation, {@code General} is the general number format.
 */
final class FormatCode {
    private FormatCode() {
    }

    /**
     * @param code a number format code; {@code null} or empty is the General format
     * @return the kind of value the code shows, never {@link NumberFormatKind#LOCALE_DEPENDENT}
     */
    static NumberFormatKind classify(String code) {
        if (code == null || code.isEmpty()) {
            return NumberFormatKind.NUMBER;
        }
        String lower = code.toLowerCase(Locale.ROOT);
        boolean date = false;
        boolean time = false;
        boolean elapsed = false;
        // The previous date or time code letter, to tell the minute from the month.
        char previousCode = 0;
        // An 'm' run not right after an 'h', still waiting to learn whether an 's' follows it.
        boolean pendingM = false;
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            switch (c) {
                case '"' -> {
                    int close = lower.indexOf('"', i + 1);
                    i = close < 0 ? lower.length() : close + 1;
                    continue;
                }
                case '\\', '_', '*' -> {
                    i += 2;
                    continue;
                }
                case '[' -> {
                    int close = lower.indexOf(']', i + 1);
                    String inside = lower.substring(i + 1, close < 0 ? lower.length() : close);
                    if (!inside.isEmpty() && inside.chars().allMatch(ch -> ch == 'h' || ch == 'm' || ch == 's')) {
                        elapsed = true;
                        if (pendingM) {
                            pendingM = false;
                            date = true;
                        }
                        previousCode = inside.charAt(0);
                    }
                    i = close < 0 ? lower.length() : close + 1;
                    continue;
                }
                default -> {
                }
            }
            if (lower.startsWith("general", i)) {
                i += "general".length();
                continue;
            }
            if (c == 'e' && i + 1 < lower.length() && (lower.charAt(i + 1) == '+' || lower.charAt(i + 1) == '-')) {
                i += 2; // scientific notation, 0.00E+00
                continue;
            }
            if (lower.startsWith("am/pm", i) || lower.startsWith("a/p", i)) {
                time = true;
                i += lower.startsWith("am/pm", i) ? 5 : 3;
                continue;
            }
            int run = i;
            while (run < lower.length() && lower.charAt(run) == c) {
                run++;
            }
            if (c == 'a' && run - i < 3) {
                i = run; // only aaa and aaaa (the Japanese day of the week) are codes
                continue;
            }
            switch (c) {
                case 'y', 'd', 'e', 'g', 'b', 'a' -> {
                    if (pendingM) {
                        date = true; // an 'm' run before a date code, not before 's': the month
                        pendingM = false;
                    }
                    date = true;
                    previousCode = c;
                }
                case 'h' -> {
                    if (pendingM) {
                        date = true;
                        pendingM = false;
                    }
                    time = true;
                    previousCode = c;
                }
                case 's' -> {
                    if (pendingM) {
                        time = true; // mm:ss, the minute
                        pendingM = false;
                    }
                    time = true;
                    previousCode = c;
                }
                case 'm' -> {
                    if (pendingM) {
                        date = true;
                    }
                    if (previousCode == 'h') {
                        time = true; // h:mm, the minute
                        pendingM = false;
                    } else {
                        pendingM = true;
                    }
                    previousCode = c;
                }
                default -> {
                }
            }
            i = run;
            if (c == ';') {
                date |= pendingM; // a section ends with an 'm' no 's' followed: the month
                pendingM = false;
                previousCode = 0;
            }
        }
        if (pendingM) {
            date = true;
        }
        if (elapsed) {
            return NumberFormatKind.DURATION;
        }
        if (date) {
            return NumberFormatKind.DATE;
        }
        return time ? NumberFormatKind.TIME_OF_DAY : NumberFormatKind.NUMBER;
    }
}
