package io.vlmeta.api;

import java.util.List;

/**
 * Where validated metadata goes: the Visual Layer API, or a dry-run report. One instance per job.
 *
 * <p>The engine calls, in order: {@link #mediaResolver()} (before validation), {@link #preflight(List)}
 * (after validation, before the gate), then for each field that passes the gate
 * {@link #openField(FieldDeclaration)} and that writer's methods, and at the end
 * {@link #complete(RunSummary)} and {@link #close()}. No declaration or entry reaches a sink when
 * validation found any error. The one exception sends nothing: a report sink standing in for the server
 * may take entries during validation ({@link #openFieldEarly(FieldDeclaration)}); they count only for
 * the fields the gate lets through, and are dropped for the others.
 *
 * @since 0.1
 */
public interface Sink extends AutoCloseable {

    /**
     * @return the mapping from keys to media ids; {@link MediaResolver#UNCHECKED} when this sink has none
     * @throws VlmetaException when the mapping cannot be loaded
     */
    default MediaResolver mediaResolver() {
        return MediaResolver.UNCHECKED;
    }

    /**
     * Checks the target before anything is sent: the dataset is ready, the fields do not clash with
     * existing ones. Sends nothing.
     *
     * @param fields the declarations the job would send
     * @return problems and fields to skip
     */
    default Preflight preflight(List<FieldDeclaration> fields) {
        return Preflight.NONE;
    }

    /**
     * Declares one field and opens its upload. Fields may be opened and written from different threads.
     *
     * @param declaration the field to declare
     * @return the writer for its entries
     */
    FieldWriter openField(FieldDeclaration declaration);

    /**
     * Opens a field whose entries arrive before its declaration is final, so that a job which sends
     * nothing (a validation or a dry run with this sink in the server's place) hands each entry over
     * while its validation pass reads the input, instead of reading the input a second time. Enum
     * options are known only after the last value, so the declaration given here is the one the field
     * type makes before any value: its name, handler, server type and {@code is_multi} are final, its
     * enum options are not.
     *
     * <p>The engine writes to the returned writer, from one thread, exactly the entries an upload would
     * send, in source order, and nothing after the first error. They count only when the field passes
     * the gate: the engine then calls {@link #openField(FieldDeclaration)} with the final declaration
     * (same name, handler, server type and {@code is_multi}), which must return this writer, now under
     * that declaration, with its entries kept; the engine writes no entry to it again, and finishes it as
     * any other writer. A field opened early but never opened that way (the gate closed, the field was
     * skipped) is dropped with its entries. A sink that sends its entries somewhere must not take them
     * early: it keeps the default.
     *
     * @param provisional the field's declaration before any value, with no enum options
     * @return the writer for the early entries, or {@code null} (the default) when this sink takes
     *     entries only after {@code openField}; a sink answers {@code null} for every field or for none
     * @since 0.2
     */
    default FieldWriter openFieldEarly(FieldDeclaration provisional) {
        return null;
    }

    /**
     * Receives the whole job's summary at the end, also when the gate stopped the job (so a
     * report can show the problems). Not a way to send anything.
     *
     * @param summary the job's plan, counts, problems and outcomes
     */
    default void complete(RunSummary summary) {
    }

    /**
     * Receives how much of the dataset the input reaches, after validation and before
     * {@link #complete(RunSummary)}; not called when paths are not mapped to a dataset.
     *
     * @param coverage media items with and without a value
     * @since 0.2
     */
    default void coverage(Coverage coverage) {
    }

    /**
     * Receives each field's refused values, grouped with counts, after validation and before
     * {@link #complete(RunSummary)}; not called when no value was refused.
     *
     * @param byField one entry per field with a refused value, in plan order
     * @since 0.2
     */
    default void invalidValues(List<InvalidValues> byField) {
    }

    /**
     * Saves the target's media export (each media item's file name and id, as the mapping reads it)
     * to a file, so later jobs can map paths offline with {@code --export-file}. Sends no metadata.
     *
     * @param target the file to write; replaced when it exists, left as it was when this fails
     * @return how many media items the saved export lists
     * @throws VlmetaException (usage) when this sink has no export (the default), or when the export
     *     cannot be fetched (server errors)
     * @since 0.2
     */
    default long saveExport(java.nio.file.Path target) {
        throw VlmetaException.usage("This sink has no media export to save.");
    }

    /** Releases connections and files. */
    @Override
    default void close() {
    }
}
