package io.vlmeta.sources.parquet;

import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of one open source that no field type can take, and the single error each one gets the
 * first time a value of it is asked for. Thread-safe: values may be looked up off the reading thread.
 */
final class UnsupportedColumns {

    private final String input;
    private final Map<String, String> typeByName;
    private final ProblemReporter reporter;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * @param input      the input as the user named it
     * @param typeByName the Parquet type of each such column
     * @param reporter   where the error goes
     */
    UnsupportedColumns(String input, Map<String, String> typeByName, ProblemReporter reporter) {
        this.input = input;
        this.typeByName = Map.copyOf(typeByName);
        this.reporter = reporter;
    }

    /** Reports the column the first time, if it is one no field type takes; other names are ignored. */
    void asked(Object column) {
        String type = typeByName.get(column);
        if (type != null && reported.add((String) column)) {
            reporter.report(Problem.error(ProblemCategory.INPUT, null, (String) column,
                    message((String) column, type)));
        }
    }

    /** @return the one sentence saying why the column cannot be uploaded */
    String message(String column, String type) {
        return "Field '" + column + "': " + input + " stores it as Parquet " + type + ", which no field type can"
                + " take, so none of its values can be uploaded; leave it out of the --*-fields flags (numbers,"
                + " text, booleans, dates, timestamps and lists of those can be uploaded).";
    }
}
