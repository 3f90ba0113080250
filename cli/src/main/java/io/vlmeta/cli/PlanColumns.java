package io.vlmeta.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a plan's {@code columns} list, each refusal worded as {@link PlanPlace} words it: every entry names a
 * column and its type, and no column is listed twice with two types. A column listed twice would otherwise be
 * read as the last entry says, silently, while its reviewer may have read the first. Two entries alike in name and
 * type are one column listed twice, no conflict (as {@code --field-type} given twice alike is not): the first is
 * kept, with its {@code why}, which is for the reader only.
 */
final class PlanColumns {
    private PlanColumns() {
    }

    /**
     * @param columns the plan's entries as read, entries possibly null; null when the plan has no {@code columns}
     * @param whole   the plan's place, for the refusals
     * @param text    the plan's text, to find an entry's line
     * @return the entries, each column once, in the order first listed; null when {@code columns} is null
     * @throws io.vlmeta.api.VlmetaException (usage) naming the first entry without a name or a type, or the first
     *     column listed again with another type, with both entries
     */
    static List<PlanFile.Column> checked(List<PlanFile.Column> columns, PlanPlace whole, String text) {
        if (columns == null) {
            return null;
        }
        for (int i = 0; i < columns.size(); i++) {
            String lacking = lacking(columns.get(i));
            if (lacking != null) {
                String entry = "columns[" + (i + 1) + "]";
                throw whole.line(lackingLine(text, entry, columns.get(i))).key(entry).refuse(lacking
                        + "; every entry under 'columns' needs a 'name' and a 'type' (e.g. '- name: score' and "
                        + "'type: float')");
            }
        }
        Map<String, Integer> firstEntry = new HashMap<>();
        List<PlanFile.Column> once = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            PlanFile.Column column = columns.get(i);
            Integer first = firstEntry.putIfAbsent(column.name(), i);
            if (first == null) {
                once.add(column);
            } else if (!columns.get(first).type().equals(column.type())) {
                // neither type is named: the entries are on the reader's screen, and a word there may be no type
                String entry = "columns[" + (i + 1) + "]";
                throw whole.line(keyLine(text, entry)).key(entry).refuse("column '" + column.name() + "' is listed "
                        + "twice with two types, in columns[" + (first + 1) + "] and " + entry + "; list each column "
                        + "once, with the one type it takes");
            }
        }
        return once;
    }

    /**
     * @return the line of the first of an entry's {@code name} and {@code type} that is there without a value
     *     ({@code name: ""}); else, the key being absent, the entry's first line
     */
    private static int lackingLine(String text, String entry, PlanFile.Column column) {
        if (column != null && column.name() != null && column.name().isBlank()) {
            return keyLine(text, entry + ".name");
        }
        if (column != null && column.type() != null && column.type().isBlank()
                && (column.name() != null && !column.name().isBlank())) {
            return keyLine(text, entry + ".type");
        }
        return keyLine(text, entry);
    }

    /** @return what a column entry lacks, e.g. {@code "no 'type'"}; null when it has both */
    private static String lacking(PlanFile.Column column) {
        boolean name = column != null && column.name() != null && !column.name().isBlank();
        boolean type = column != null && column.type() != null && !column.type().isBlank();
        if (name && type) {
            return null;
        }
        return name ? "no 'type'" : type ? "no 'name'" : "no 'name' and no 'type'";
    }

    /**
     * @param text a plan's text, which has been read as a plan
     * @param key  a key's path as refusals name it: names joined by dots, a list's entry by its place from 1, e.g.
     *             {@code upload.sink-options.retry-max-attempts}, {@code columns[2]}, {@code columns[2].name}
     * @return the line the key (an entry: its first line) is on, from 1; 0 when it is not found
     */
    static int keyLine(String text, String key) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            JsonToken token = parser.nextToken();
            int line = 0;
            for (String step : key.replace("[", ".[").split("\\.")) {
                if (step.startsWith("[") && step.endsWith("]")) {
                    line = entryLine(parser, token, Integer.parseInt(step.substring(1, step.length() - 1)));
                } else {
                    line = nameLine(parser, token, step);
                }
                if (line == 0) {
                    return 0;
                }
                token = parser.currentToken();
            }
            return line;
        } catch (IOException | NumberFormatException e) {
            return 0; // the text was read as a plan already; the refusal is still clear without its line
        }
    }

    /** @return the line of {@code name} in the map {@code token} starts, the parser left on its value; 0 if none */
    private static int nameLine(JsonParser parser, JsonToken token, String name) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            return 0;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            int line = Math.max(parser.currentTokenLocation().getLineNr(), 0);
            boolean found = name.equals(parser.currentName());
            parser.nextToken();
            if (found) {
                return line;
            }
            parser.skipChildren();
        }
        return 0;
    }

    /** @return the line of entry {@code place} (from 1) of the list {@code token} starts, the parser on it; else 0 */
    private static int entryLine(JsonParser parser, JsonToken token, int place) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            return 0;
        }
        for (int i = 1; true; i++) {
            JsonToken entry = parser.nextToken();
            if (entry == null || entry == JsonToken.END_ARRAY) {
                return 0;
            }
            if (i == place) {
                return Math.max(parser.currentTokenLocation().getLineNr(), 0);
            }
            parser.skipChildren();
        }
    }
}
