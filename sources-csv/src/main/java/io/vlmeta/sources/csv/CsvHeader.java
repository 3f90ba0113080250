package io.vlmeta.sources.csv;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A checked header row: where the key is, which cell holds each value column, and which cells have
 * no name. One instance is shared by every row's {@link RowValues}. Cells under a blank header name
 * are no column: they must be empty in every row (spreadsheets write such cells once a cell was
 * formatted), which {@link CsvRecordSource} checks.
 */
final class CsvHeader {

    /** Separators a header read as one column may hold, with the name {@code --delimiter} takes. */
    private static final Map<Character, String> OTHER_SEPARATORS = orderedSeparators();
    /** Most selected names compared by reference before the hash look-up; beyond, the look-up is cheaper. */
    private static final int MOST_COMPARED = 16;

    private final String keyColumn;
    private final int keyIndex;
    private final int width;
    private final List<ColumnInfo> columns;
    private final int[] unnamedCells;
    private final String[] valueNames;
    private final int[] valueCells;
    private final Map<String, Integer> positionByName;
    /**
     * The selected names as the job passed them to {@link #select}, by position, or {@code null}: a job asks
     * for values with the same {@code String} instances, which a reference comparison finds before any hashing.
     */
    private final String[] askedNames;

    private CsvHeader(String keyColumn, int keyIndex, int width, List<ColumnInfo> columns, int[] unnamedCells,
                      String[] valueNames, int[] valueCells, String[] askedNames) {
        this.keyColumn = keyColumn;
        this.keyIndex = keyIndex;
        this.width = width;
        this.columns = columns;
        this.unnamedCells = unnamedCells;
        this.valueNames = valueNames;
        this.valueCells = valueCells;
        this.askedNames = askedNames;
        this.positionByName = new HashMap<>(valueNames.length * 2);
        for (int position = 0; position < valueNames.length; position++) {
            positionByName.put(valueNames[position], position);
        }
    }

    private static CsvHeader of(String keyColumn, int keyIndex, List<String> names) {
        List<String> valueNames = new ArrayList<>();
        List<Integer> valueCells = new ArrayList<>();
        List<Integer> unnamed = new ArrayList<>();
        for (int cell = 0; cell < names.size(); cell++) {
            String name = names.get(cell);
            if (name.isEmpty()) {
                unnamed.add(cell);
            } else if (cell != keyIndex) {
                valueNames.add(name);
                valueCells.add(cell);
            }
        }
        List<ColumnInfo> infos = valueNames.stream().map(ColumnInfo::plain).toList();
        return new CsvHeader(keyColumn, keyIndex, names.size(), infos,
                unnamed.stream().mapToInt(Integer::intValue).toArray(), valueNames.toArray(String[]::new),
                valueCells.stream().mapToInt(Integer::intValue).toArray(), null);
    }

    /**
     * @param selected value column names a job reads
     * @return a header whose rows hold only those columns' values; {@link #columns()} still lists them all
     */
    CsvHeader select(Set<String> selected) {
        Map<String, String> asked = new HashMap<>();
        for (String name : selected) {
            asked.put(name, name);
        }
        List<String> names = new ArrayList<>();
        List<Integer> cells = new ArrayList<>();
        List<String> askedNames = new ArrayList<>();
        for (int position = 0; position < valueNames.length; position++) {
            String name = asked.get(valueNames[position]);
            if (name != null) {
                names.add(valueNames[position]);
                cells.add(valueCells[position]);
                askedNames.add(name);
            }
        }
        return new CsvHeader(keyColumn, keyIndex, width, columns, unnamedCells, names.toArray(String[]::new),
                cells.stream().mapToInt(Integer::intValue).toArray(),
                askedNames.size() <= MOST_COMPARED ? askedNames.toArray(String[]::new) : null);
    }

    /**
     * Checks a header row. Column names are trimmed: a stray space in a header cell is never meant
     * to be part of a field name, and flags name fields without it.
     *
     * @param file        the file as messages name it
     * @param cells       the header row's cells
     * @param keyColumn   the key column's name
     * @param keyAskedFor true when the user named the key column (a missing one is then a usage error)
     * @return the header
     * @throws VlmetaException for repeated names or a missing key column
     */
    static CsvHeader parse(String file, String[] cells, String keyColumn, boolean keyAskedFor) {
        List<String> names = new ArrayList<>(cells.length);
        for (String cell : cells) {
            names.add(cell.trim());
        }
        refuseRepeatedNames(file, names);
        int keyIndex = names.indexOf(keyColumn);
        if (keyIndex < 0) {
            List<String> named = names.stream().filter(name -> !name.isEmpty()).toList();
            String message = file + " has no column '" + keyColumn + "' for the media paths"
                    + NameSuggestions.hint(keyColumn, named) + "; its columns are: "
                    + String.join(", ", named) + delimiterHint(named) + ".";
            throw new VlmetaException(keyAskedFor ? ErrorCode.USAGE : ErrorCode.INPUT_MALFORMED, message);
        }
        return of(keyColumn, keyIndex, names);
    }

    /**
     * A header read as one column that holds another separator is the usual sign of a file saved
     * with semicolons (spreadsheets in many locales) or tabs: say which delimiter to pass.
     */
    private static String delimiterHint(List<String> names) {
        if (names.size() != 1) {
            return "";
        }
        String only = names.get(0);
        for (Map.Entry<Character, String> separator : OTHER_SEPARATORS.entrySet()) {
            if (only.indexOf(separator.getKey()) >= 0) {
                return "; the header looks separated by " + separator.getValue() + ", so give --delimiter "
                        + separator.getValue();
            }
        }
        return "";
    }

    private static void refuseRepeatedNames(String file, List<String> names) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty()) {
                positions.computeIfAbsent(names.get(i), name -> new ArrayList<>()).add(i + 1);
            }
        }
        String repeated = positions.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .map(entry -> "'" + entry.getKey() + "' (columns " + and(entry.getValue()) + ")")
                .collect(Collectors.joining(", "));
        if (!repeated.isEmpty()) {
            throw VlmetaException.malformed(file + " row 1: column names used more than once: " + repeated
                    + "; every column needs its own name.");
        }
    }

    private static String and(List<Integer> numbers) {
        List<String> texts = numbers.stream().map(String::valueOf).toList();
        int last = texts.size() - 1;
        return last == 0 ? texts.get(0) : String.join(", ", texts.subList(0, last)) + " and " + texts.get(last);
    }

    private static Map<Character, String> orderedSeparators() {
        Map<Character, String> separators = new LinkedHashMap<>();
        separators.put(';', "';'");
        separators.put('\t', "tab");
        separators.put('|', "'|'");
        separators.put(',', "','");
        return Collections.unmodifiableMap(separators);
    }

    String keyColumn() {
        return keyColumn;
    }

    int keyIndex() {
        return keyIndex;
    }

    /** @return the number of header cells, the key and unnamed ones included */
    int width() {
        return width;
    }

    /** @return the 0-based indexes of the header cells with no name, ascending; do not modify */
    int[] unnamedCells() {
        return unnamedCells;
    }

    /**
     * @return by 0-based cell index, true for the cells rows must hold: the key, the value columns this header
     *     holds (all, or the selected ones) and the cells without a name, which must be checked for values
     */
    boolean[] keptCells() {
        boolean[] kept = new boolean[width];
        kept[keyIndex] = true;
        for (int cell : unnamedCells) {
            kept[cell] = true;
        }
        for (int cell : valueCells) {
            kept[cell] = true;
        }
        return kept;
    }

    /** @return the value columns in file order, without the key */
    List<ColumnInfo> columns() {
        return columns;
    }

    /** @return how many value columns rows hold: all, or the selected ones */
    int valueCount() {
        return valueNames.length;
    }

    /** @return the value column at a position among the value columns */
    String valueName(int position) {
        return valueNames[position];
    }

    /** @return the cell index of the value column at a position */
    int valueCell(int position) {
        return valueCells[position];
    }

    /** @return the position among the value columns, or -1 for a name that is not a value column */
    int positionOf(Object name) {
        if (askedNames != null) {
            for (int position = 0; position < askedNames.length; position++) {
                if (askedNames[position] == name) {
                    return position;
                }
            }
        }
        Integer position = positionByName.get(name);
        return position == null ? -1 : position;
    }
}
