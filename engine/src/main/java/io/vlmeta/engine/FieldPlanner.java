package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.ValueParser;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides which columns become which field types: the ones the user named, then (with
 * {@code --infer}) the source's own typing (e.g. DICOM VRs), then inference over every value.
 */
final class FieldPlanner {
    private final Plugins plugins;
    private final FieldSettings settings;

    /** Rows profiled between two checks of the stop request. */
    private static final int STOP_CHECK_EVERY = 1_000;
    private Cancellation cancellation = Cancellation.NEVER;
    private final Map<String, String> noType = new LinkedHashMap<>();

    /** @param stop asked every {@value #STOP_CHECK_EVERY} rows while types are inferred */
    FieldPlanner stoppedBy(Cancellation stop) {
        this.cancellation = stop;
        return this;
    }

    FieldPlanner(Plugins plugins, FieldSettings settings) {
        this.plugins = plugins;
        this.settings = settings;
    }

    /**
     * @param sourceName   the input as the user named it, for messages
     * @param columns      the source's columns
     * @param explicit     column to type, from the flags
     * @param infer        whether to type the other columns
     * @param reopen       opens the source again for the inference pass
     * @param notes        where to say which columns were left out and why
     */
    List<PlannedField> plan(String sourceName, List<ColumnInfo> columns, Map<String, String> explicit,
                            boolean infer, Supplier<RecordSource> reopen, Consumer<String> notes) {
        return plan(sourceName, columns, explicit, Map.of(), ColumnSelection.ALL, infer, reopen, notes);
    }

    /**
     * @param reasons   why an explicit column has its type when no type flag named it (a plan file)
     * @param selection which of the other columns inference may pick up
     */
    List<PlannedField> plan(String sourceName, List<ColumnInfo> columns, Map<String, String> explicit,
                            Map<String, String> reasons, ColumnSelection selection, boolean infer,
                            Supplier<RecordSource> reopen, Consumer<String> notes) {
        if (explicit.isEmpty() && !infer) {
            throw VlmetaException.usage("No field types specified. Name columns with --string-fields, --float-fields, "
                    + "--datetime-fields, --enum-fields, --multi-enum-fields or --link-fields, or pass --infer.");
        }
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        checkExplicitColumnsExist(sourceName, byName, explicit, reasons);
        selection.checkAgainst(sourceName, byName.keySet());
        refuseExcludedExplicitColumns(explicit, reasons, selection);
        refuseUnknownTypes(explicit, reasons);

        Map<String, PlannedField> planned = new LinkedHashMap<>();
        explicit.forEach((column, type) ->
                planned.put(column, field(column, type, reasons.getOrDefault(column, "--" + type + "-fields"))));
        if (!infer) {
            return List.copyOf(planned.values());
        }
        List<ColumnInfo> rest = columns.stream().filter(c -> !explicit.containsKey(c.name()))
                .filter(c -> selection.selects(c.name())).toList();
        Map<String, ColumnProfile> profiles = profile(rest, reopen);
        for (ColumnInfo column : rest) {
            if (typedBySource(column)) {
                String why = "from the source" + (column.note() == null ? "" : ": " + column.note());
                planned.put(column.name(), field(column.name(), column.suggestedType(), why));
                continue;
            }
            ColumnProfile.Inferred inferred = profiles.get(column.name()).infer();
            if (inferred == null) {
                notes.accept("Column '" + column.name() + "' has no values in the rows read; not uploaded.");
                continue;
            }
            if (inferred.type() == null) {
                notes.accept("Column '" + column.name() + "' " + inferred.reason() + "; not uploaded"
                        + " (--multi-enum-fields would send its items as options, repeats dropped).");
                noType.put(column.name(), inferred.reason());
                continue;
            }
            planned.put(column.name(), field(column.name(), inferred.type(), "inferred: " + inferred.reason()));
        }
        // keep the file's column order, so the plan reads like the file
        List<PlannedField> ordered = new ArrayList<>();
        for (ColumnInfo column : columns) {
            PlannedField field = planned.get(column.name());
            if (field != null) {
                ordered.add(field);
            }
        }
        return List.copyOf(ordered);
    }

    /**
     * @return why inference left the column out although it has values (no field type takes them), after
     *     {@link #plan}; empty for any other column
     */
    Optional<String> whyNoType(String column) {
        return Optional.ofNullable(noType.get(column));
    }

    private void refuseUnknownTypes(Map<String, String> explicit, Map<String, String> reasons) {
        explicit.forEach((column, type) -> {
            if (!plugins.fieldTypes().containsKey(type)) {
                String hint = NameSuggestions.didYouMean(type, plugins.fieldTypes().keySet());
                // a type close to a known one is a slip, shown with the fix; anything else is not shown, as a word
                // typed in the wrong place may be a secret
                throw VlmetaException.usage("Column '" + column + "' (" + reasons.getOrDefault(column, "--field-type")
                        + ") has " + (hint.isEmpty() ? "a field type no installed plugin provides."
                        : "the unknown field type '" + type + "'; " + hint)
                        + " Known types: " + String.join(", ", plugins.fieldTypes().keySet()) + ".");
            }
        });
    }

    private static void refuseExcludedExplicitColumns(Map<String, String> explicit, Map<String, String> reasons,
                                                      ColumnSelection selection) {
        for (String column : explicit.keySet()) {
            selection.whyLeftOut(column).filter(why -> why.startsWith("excluded")).ifPresent(why -> {
                throw VlmetaException.usage("Column '" + column + "' is named by "
                        + reasons.getOrDefault(column, "--" + explicit.get(column) + "-fields") + " but " + why
                        + "; drop one of the two.");
            });
        }
    }

    private void checkExplicitColumnsExist(String sourceName, Map<String, ColumnInfo> byName,
                                           Map<String, String> explicit, Map<String, String> reasons) {
        List<String> missing = explicit.keySet().stream().filter(c -> !byName.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            String which = missing.stream().map(c -> {
                String hint = NameSuggestions.didYouMean(c, byName.keySet());
                return "'" + c + "' (" + reasons.getOrDefault(c, "--" + explicit.get(c) + "-fields")
                        + (hint.isEmpty() ? "" : "; " + hint) + ")";
            }).collect(Collectors.joining(", "));
            throw VlmetaException.usage((missing.size() == 1 ? "Column " : "Columns ") + which + " not found in "
                    + sourceName + ". Its columns are: " + String.join(", ", byName.keySet()) + ".");
        }
    }

    private PlannedField field(String column, String type, String reason) {
        FieldTypeHandler handler = plugins.fieldType(type);
        return new PlannedField(column, type, reason, handler, handler.parser(settings));
    }

    private Map<String, ColumnProfile> profile(List<ColumnInfo> columns, Supplier<RecordSource> reopen) {
        Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
        List<ColumnInfo> toRead = columns.stream().filter(c -> !typedBySource(c)).toList();
        if (toRead.isEmpty()) {
            return profiles;
        }
        // parsers are pure and thread-safe: one of each serves every column (built here, so that a bad
        // --datetime-format only fails a run that infers)
        ValueParser floats = parserOrNull("float");
        ValueParser datetimes = parserOrNull("datetime");
        ValueParser links = parserOrNull("link");
        ValueParser enums = parserOrNull("enum");
        ValueParser multiEnums = parserOrNull("multi-enum");
        for (ColumnInfo column : toRead) {
            profiles.put(column.name(),
                    new ColumnProfile(floats, datetimes, links, enums, multiEnums, settings.enumLimit()));
        }
        try (RecordSource source = reopen.get()) {
            long rows = 0;
            for (Record record = source.next(); record != null; record = source.next()) {
                if (++rows % STOP_CHECK_EVERY == 0) {
                    // a wide file takes seconds to profile: a stop ends it, as it ends validation
                    Stops.checkBefore(cancellation, "while column types were inferred");
                }
                for (Map.Entry<String, ColumnProfile> e : profiles.entrySet()) {
                    e.getValue().add(record.value(e.getKey()));
                }
            }
        }
        return profiles;
    }

    /** @return whether the source typed the column with a field type this run knows */
    private boolean typedBySource(ColumnInfo column) {
        return column.suggestedType() != null && plugins.fieldTypes().containsKey(column.suggestedType());
    }

    private ValueParser parserOrNull(String type) {
        FieldTypeHandler handler = plugins.fieldTypes().get(type);
        return handler == null ? null : handler.parser(settings);
    }
}
