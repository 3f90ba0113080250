package io.vlmeta.sources.xlsx;

import io.vlmeta.api.VlmetaException;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Picks the sheet the {@code sheet} option names: by name, or by its 1-based position; the first by default. */
final class SheetChoice {

    private SheetChoice() {
    }

    /**
     * @param sheets the workbook's sheets in tab order
     * @param asked  the option's value, or {@code null} for the first sheet
     * @param file   the file as the user named it, for messages
     */
    static WorkbookCatalog.Sheet pick(List<WorkbookCatalog.Sheet> sheets, String asked, String file) {
        if (sheets.isEmpty()) {
            throw VlmetaException.malformed(file + " holds no sheets; save it again from a spreadsheet program.");
        }
        if (asked == null || asked.isBlank()) {
            return sheets.get(0);
        }
        String name = asked.strip();
        // Excel treats sheet names case-insensitively, so at most one can match that way.
        for (WorkbookCatalog.Sheet sheet : sheets) {
            if (sheet.name().equals(name)) {
                return sheet;
            }
        }
        for (WorkbookCatalog.Sheet sheet : sheets) {
            if (sheet.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return sheet;
            }
        }
        if (name.chars().allMatch(Character::isDigit)) {
            int position = parsePosition(name);
            if (position >= 1 && position <= sheets.size()) {
                return sheets.get(position - 1);
            }
            throw VlmetaException.usage(file + " has " + sheets.size() + (sheets.size() == 1 ? " sheet" : " sheets")
                    + ", so there is no sheet number " + name + "; its sheets are: " + numbered(sheets) + ".");
        }
        throw VlmetaException.usage(file + " has no sheet named '" + name + "'; its sheets are: "
                + numbered(sheets) + " (pick one by name or by number).");
    }

    private static int parsePosition(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String numbered(List<WorkbookCatalog.Sheet> sheets) {
        return IntStream.range(0, sheets.size())
                .mapToObj(i -> (i + 1) + " '" + sheets.get(i).name() + "'")
                .collect(Collectors.joining(", "));
    }
}
