package io.vlmeta.sources.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Names columns as a spreadsheet shows them: letters ({@code A}, {@code Z}, {@code AA}) with the
 * 1-based position, and runs of three or more neighbours as one range ({@code columns D–F (4–6)}), so that even
 * thousands of columns make a short message.
 */
final class ColumnLabels {

    private ColumnLabels() {
    }

    /** @return the spreadsheet letters of a 1-based column position: 1 is {@code A}, 27 is {@code AA} */
    static String letters(int position) {
        StringBuilder letters = new StringBuilder();
        for (int rest = position; rest > 0; rest = (rest - 1) / 26) {
            letters.insert(0, (char) ('A' + (rest - 1) % 26));
        }
        return letters.toString();
    }

    /** @return {@code column D (4)} */
    static String one(int position) {
        return "column " + letters(position) + " (" + position + ")";
    }

    /**
     * @param positions 1-based column positions, ascending, at least one
     * @return {@code column D (4)} or {@code columns D–F and H (4–6 and 8)}
     */
    static String describe(List<Integer> positions) {
        if (positions.size() == 1) {
            return one(positions.get(0));
        }
        List<String> letterRanges = new ArrayList<>();
        List<String> numberRanges = new ArrayList<>();
        int i = 0;
        while (i < positions.size()) {
            int first = positions.get(i);
            int last = first;
            while (i + 1 < positions.size() && positions.get(i + 1) == last + 1) {
                last = positions.get(++i);
            }
            i++;
            if (last - first >= 2) {
                letterRanges.add(letters(first) + "–" + letters(last));
                numberRanges.add(first + "–" + last);
            } else {
                for (int position = first; position <= last; position++) {
                    letterRanges.add(letters(position));
                    numberRanges.add(String.valueOf(position));
                }
            }
        }
        return "columns " + and(letterRanges) + " (" + and(numberRanges) + ")";
    }

    private static String and(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " and " + items.get(last);
    }
}
