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
        String codes = codeLetters(code == null ? "" : code.toLowerCase(Locale.ROOT));
        boolean date = false;
        boolean time = false;
        boolean elapsed = false;
        for (int k = 0; k < codes.length(); k++) {
            char c = codes.charAt(k);
            switch (c) {
                case 'H', 'M', 'S' -> elapsed = true;
                case 'y', 'd', 'e', 'g', 'b', 'a' -> date = true;
                case 'h', 's', 'p' -> time = true;
                case 'm' -> {
                    boolean minute = k > 0 && "hH".indexOf(codes.charAt(k - 1)) >= 0
                            || k + 1 < codes.length() && "sS".indexOf(codes.charAt(k + 1)) >= 0;
                    date |= !minute;
                    time |= minute;
                }
                default -> {
                }
            }
        }
        if (elapsed) {
            return NumberFormatKind.DURATION;
        }
        if (date) {
            return NumberFormatKind.DATE;
        }
        return time ? NumberFormatKind.TIME_OF_DAY : NumberFormatKind.NUMBER;
    }

    /**
     * @param code a lower-case format code
     * @return its codes in order, one letter per run ({@code yyyy} is {@code y}): date and time letters,
     *     {@code p} for AM/PM, {@code H}, {@code M}, {@code S} for the elapsed {@code [h]}, {@code [m]},
     *     {@code [s]}, and {@code ;} between sections; everything literal left out
     */
    private static String codeLetters(String code) {
        StringBuilder codes = new StringBuilder();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                int close = code.indexOf('"', i + 1);
                i = close < 0 ? code.length() : close + 1;
            } else if (c == '\\' || c == '_' || c == '*') {
                i += 2;
            } else if (c == '[') {
                int close = code.indexOf(']', i + 1);
                String inside = code.substring(i + 1, close < 0 ? code.length() : close);
                if (!inside.isEmpty() && inside.chars().allMatch(ch -> ch == inside.charAt(0))
                        && "hms".indexOf(inside.charAt(0)) >= 0) {
                    codes.append(Character.toUpperCase(inside.charAt(0)));
                }
                i = close < 0 ? code.length() : close + 1;
            } else if (code.startsWith("general", i)) {
                i += "general".length();
            } else if (c == 'e' && i + 1 < code.length() && (code.charAt(i + 1) == '+' || code.charAt(i + 1) == '-')) {
                i += 2; // scientific notation, 0.00E+00
            } else if (code.startsWith("am/pm", i) || code.startsWith("a/p", i)) {
                codes.append('p');
                i += code.startsWith("am/pm", i) ? "am/pm".length() : "a/p".length();
            } else {
                int run = i;
                while (run < code.length() && code.charAt(run) == c) {
                    run++;
                }
                // Only aaa and aaaa (the Japanese day of the week) are codes among the a's.
                if ("ymdhsegb;".indexOf(c) >= 0 || c == 'a' && run - i >= 3) {
                    codes.append(c);
                }
                i = run;
            }
        }
        return codes.toString();
    }
}
