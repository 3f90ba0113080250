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
                throw whole.key("columns[" + (i + 1) + "]").refuse(lacking + "; every entry under 'columns' needs a "
                        + "'name' and a 'type' (e.g. '- name: score' and 'type: float')");
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
                throw whole.line(entryLine(text, i)).key("columns[" + (i + 1) + "]").refuse("column '"
                        + column.name() + "' is listed twice with two types, in columns[" + (first + 1)
                        + "] and columns[" + (i + 1) + "]; list each column once, with the one type it takes");
            }
        }
        return once;
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
     * @param key  a key under maps only, its names joined by dots: {@code upload.sink-options.retry-max-attempts}
     * @return the line the key is on, from 1; 0 when it is not found
     */
    static int keyLine(String text, String key) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            String prefix = "";
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return 0;
                }
                if (token == JsonToken.END_OBJECT) {
                    int dot = prefix.lastIndexOf('.', prefix.length() - 2);
                    prefix = dot < 0 ? "" : prefix.substring(0, dot + 1);
                    continue;
                }
                String path = prefix + parser.currentName();
                int line = Math.max(parser.currentTokenLocation().getLineNr(), 0);
                if (path.equals(key)) {
                    return line;
                }
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT && key.startsWith(path + ".")) {
                    prefix = path + ".";
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            return 0; // the text was read as a plan already; the refusal is still clear without its line
        }
    }

    /**
     * @param text  a plan's text, which has been read as a plan
     * @param index the entry under the top-level {@code columns}, from 0
     * @return the line the entry starts on, from 1; 0 when it is not found
     */
    static int entryLine(String text, int index) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                if (key.equals("columns") && value == JsonToken.START_ARRAY) {
                    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
                        if (i == index) {
                            return Math.max(parser.currentTokenLocation().getLineNr(), 0);
                        }
                        parser.skipChildren();
                    }
                    return 0;
                }
                parser.skipChildren();
            }
            return 0;
        } catch (IOException e) {
            return 0; // the text was read as a plan already; the refusal is still clear without its line
        }
    }
}
