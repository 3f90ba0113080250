package io.vlmeta.engine;

import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.VlmetaException;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which columns {@code --infer} may pick up: those matching any {@code --columns} glob (all when
 * none is given) and no {@code --exclude-columns} glob. Columns named by a type flag or a plan are
 * chosen by name and are not filtered, but naming one that is excluded is a contradiction.
 *
 * @param include globs of columns to consider; empty for all
 * @param exclude globs of columns to leave out
 */
public record ColumnSelection(List<ColumnGlob> include, List<ColumnGlob> exclude) {
    /** Every column. */
    public static final ColumnSelection ALL = new ColumnSelection(List.of(), List.of());

    public ColumnSelection {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /**
     * @param include the {@code --columns} globs as given
     * @param exclude the {@code --exclude-columns} globs as given
     * @throws VlmetaException (usage) for a malformed glob
     */
    public static ColumnSelection of(List<String> include, List<String> exclude) {
        return new ColumnSelection(include.stream().map(ColumnGlob::of).toList(),
                exclude.stream().map(ColumnGlob::of).toList());
    }

    /** @return true when neither list is given */
    public boolean isAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** @return whether {@code --infer} may pick up the column */
    public boolean selects(String column) {
        return (include.isEmpty() || include.stream().anyMatch(g -> g.matches(column)))
                && exclude.stream().noneMatch(g -> g.matches(column));
    }

    /** @return why the column is not selected, e.g. {@code "excluded by --exclude-columns 'Patient*'"} */
    public Optional<String> whyLeftOut(String column) {
        Optional<ColumnGlob> excluding = exclude.stream().filter(g -> g.matches(column)).findFirst();
        if (excluding.isPresent()) {
            return Optional.of("excluded by --exclude-columns '" + excluding.get() + "'");
        }
        if (!include.isEmpty() && include.stream().noneMatch(g -> g.matches(column))) {
            return Optional.of("not matched by --columns");
        }
        return Optional.empty();
    }

    /**
     * Refuses a glob that matches no column: a mistyped exclusion would otherwise let a column
     * through unnoticed, and a mistyped inclusion would silently upload less.
     *
     * @param input   the input as the user named it, for the message
     * @param columns the input's columns
     * @throws VlmetaException (usage) naming the glob, a close column name and the input's columns
     */
    public void checkAgainst(String input, Collection<String> columns) {
        check("--columns", include, input, columns);
        check("--exclude-columns", exclude, input, columns);
    }

    private static void check(String flag, List<ColumnGlob> globs, String input, Collection<String> columns) {
        for (ColumnGlob glob : globs) {
            if (columns.stream().noneMatch(glob::matches)) {
                String hint = glob.isLiteral() ? NameSuggestions.didYouMean(glob.text(), columns) : "";
                throw VlmetaException.usage(flag + " '" + glob + "' matches no column of " + input
                        + (hint.isEmpty() ? "." : "; " + hint) + " Names are case-sensitive; its columns are: "
                        + String.join(", ", columns) + ".");
            }
        }
    }

    @Override
    public String toString() {
        return "include " + include.stream().map(ColumnGlob::text).collect(Collectors.joining(","))
                + " exclude " + exclude.stream().map(ColumnGlob::text).collect(Collectors.joining(","));
    }
}
