package io.vlmeta.engine;

import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.VlmetaException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses an option name that the plugins it is meant for do not read. Options travel as free
 * name=value pairs, so a typing mistake ({@code --source-option delimter=;}) would otherwise be
 * ignored and the job would run on defaults the user meant to change. Plugins that do not list their
 * options let every name through. The values of a sink's options are checked by the sink
 * ({@link SinkProvider#checkOptionValues}), here too, before any job runs.
 */
public final class OptionNames {

    private OptionNames() {
    }

    /**
     * @param options the source options' names and values, none null
     * @param origins for an option not given by a flag, how it is named (a plan file's key, see
     *                {@link JobSpec#sourceOptionOrigins()}), refused as {@code ORIGIN: unknown option; ...}
     * @throws VlmetaException (usage) naming the first option the source does not read; or, from the source, the
     *     first option whose value it cannot read
     */
    static void checkSource(SourceProvider source, Map<String, String> options, Map<String, String> origins) {
        Optional<Set<String>> known = source.optionNames();
        if (known.isEmpty()) {
            return;
        }
        for (String name : options.keySet()) {
            if (!known.get().contains(name)) {
                String origin = origins.get(name);
                String reads = listed(known.get()) + ".";
                throw VlmetaException.usage(origin == null ? "The " + source.name() + " source has no option '" + name
                        + "'; it reads " + reads : origin + ": unknown option; the " + source.name() + " source reads "
                        + reads);
            }
        }
        source.checkOptionValues(options, origins);
    }

    /** @see #checkSinks(List, Map, Map): every option given by {@code --sink-option} */
    public static void checkSinks(List<SinkProvider> sinks, Map<String, String> options) {
        checkSinks(sinks, options, Map.of());
    }

    /**
     * @param sinks   the sinks the options go to (a job's server sink and report sink; {@code export}'s one sink):
     *                an option is for any of them; none of them lists its options: every name passes
     * @param options the sink options' names and values, none null
     * @param origins for an option not given by {@code --sink-option}, how it is named (a plan file's key, see
     *                {@link JobSpec#sinkOptionOrigins()}): a plan's key is not refused as a flag nobody typed, but
     *                as {@code ORIGIN: unknown option; ...}
     * @throws VlmetaException (usage) naming the first option none of them reads, and what each reads; or, from
     *     the sink that reads it, the first option whose value that sink cannot read
     */
    public static void checkSinks(List<SinkProvider> sinks, Map<String, String> options, Map<String, String> origins) {
        Set<String> known = new TreeSet<>();
        List<String> readers = new ArrayList<>();
        for (SinkProvider sink : sinks) {
            Optional<Set<String>> names = sink.optionNames();
            if (names.isEmpty()) {
                return;
            }
            known.addAll(names.get());
            readers.add("the " + sink.name() + " sink reads " + listed(names.get()));
        }
        refuseUnknown("--sink-option", known, options, origins, String.join("; ", readers));
        for (SinkProvider sink : sinks) {
            Map<String, String> read = new LinkedHashMap<>(options);
            read.keySet().retainAll(sink.optionNames().orElseThrow());
            sink.checkOptionValues(read, origins);
        }
    }

    /**
     * @param fieldTypes the installed field types: an option is for any of them; when one of them does not list
     *                   its options, every name passes
     * @param options    the field options' names and values, none null
     * @param origins    for an option not given by {@code --field-option}, how it is named (a plan file's key, see
     *                   {@link JobSpec#fieldOptionOrigins()}), refused as {@code ORIGIN: unknown option; ...}
     * @throws VlmetaException (usage) naming the first option no field type reads, and the names they read; never
     *     its value
     */
    static void checkFieldTypes(Collection<FieldTypeHandler> fieldTypes, Map<String, String> options,
                                Map<String, String> origins) {
        Set<String> known = new TreeSet<>();
        for (FieldTypeHandler type : fieldTypes) {
            Optional<Set<String>> names = type.optionNames();
            if (names.isEmpty()) {
                return;
            }
            known.addAll(names.get());
        }
        String reads = known.isEmpty() ? "no installed field type reads options; remove it, or add the field type "
                + "that reads it with --plugins-dir" : "the installed field types read " + listed(known);
        refuseUnknown("--field-option", known, options, origins, reads);
    }

    /**
     * @param flag  the option that gives the options, naming one that {@code origins} does not
     * @param reads what is read, ending the refusal
     * @throws VlmetaException (usage) naming the first of {@code options} not in {@code known}; a plan's key reads
     *     as the plan's other refusals do ({@code Plan FILE, KEY: what is wrong; ...}), never with its value
     */
    private static void refuseUnknown(String flag, Set<String> known, Map<String, String> options,
                                      Map<String, String> origins, String reads) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                String origin = origins.get(name);
                throw VlmetaException.usage((origin == null ? "Unknown " + flag + " '" + name + "':"
                        : origin + ": unknown option;") + " " + reads + ".");
            }
        }
    }

    private static String listed(Set<String> names) {
        return names.isEmpty() ? "no options" : String.join(", ", new TreeSet<>(names));
    }
}
