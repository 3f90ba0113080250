package io.vlmeta.cli;

import io.vlmeta.api.Location;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Problem;
import io.vlmeta.api.RunSummary;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints problems grouped as the reference script groups them ("Validation Errors (N total)"),
 * errors before warnings, at most {@link #LIMIT} lines, always with the total.
 */
final class ProblemPrinter {
    /** Problem lines printed at most; the report holds every kept problem. */
    static final int LIMIT = 50;

    private final PrintStream out;
    private final Style style;

    ProblemPrinter(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    void print(RunSummary summary, Path report) {
        long total = summary.errorCount() + summary.warningCount();
        if (total == 0) {
            return;
        }
        Map<String, List<Problem>> groups = new LinkedHashMap<>();
        summary.problems().stream().filter(Problem::isError)
                .forEach(p -> groups.computeIfAbsent(p.category().title(), t -> new ArrayList<>()).add(p));
        summary.problems().stream().filter(p -> !p.isError())
                .forEach(p -> groups.computeIfAbsent("Warnings", t -> new ArrayList<>()).add(p));
        boolean allKept = summary.problems().size() == total;
        int printed = 0;
        out.println();
        for (Map.Entry<String, List<Problem>> group : groups.entrySet()) {
            List<Problem> problems = group.getValue();
            out.println(style.mark(group.getKey().equals("Warnings") ? "⚠️" : "❌") + group.getKey() + " ("
                    + problems.size() + (allKept ? " total" : " kept") + "):");
            for (Problem problem : problems) {
                if (printed == LIMIT) {
                    break;
                }
                out.println("  - " + line(problem, summary.input()));
                printed++;
            }
            if (printed == LIMIT) {
                break;
            }
        }
        if (printed < total) {
            out.println("... " + printed + " of " + Plural.count(total, "problem") + " shown ("
                    + Plural.count(summary.errorCount(), "error") + ", "
                    + Plural.count(summary.warningCount(), "warning") + ")"
                    + (report == null ? "; pass --report FILE.html to list them all."
                    : "; the report lists " + (allKept ? "them all" : "the first " + summary.problems().size())
                    + ": " + report));
        }
    }

    /**
     * A source that reads one record per file (a folder of sidecars) puts every record at row 1 of its
     * own file: there the file, not "Row 1", tells the user where to look. A file in the folder that
     * holds several records (a DICOMweb response, one per instance) is named with the row.
     */
    static String line(Problem problem, String input) {
        Location location = problem.location();
        if (location == null || location.sheet() != null || location.file().equals(input)) {
            return problem.render();
        }
        String inside = insideFolder(location.file(), input);
        String where;
        if (location.row() == 1) {
            where = inside != null ? inside : location.file();
        } else if (inside != null) {
            where = inside + " row " + location.row();
        } else {
            return problem.render();
        }
        return problem.field() == null ? where + ": " + problem.message()
                : where + ", field '" + problem.field() + "': " + problem.message();
    }

    /** @return the file relative to the input folder, or {@code null} when it is not inside it */
    private static String insideFolder(String file, String input) {
        try {
            Path folder = Path.of(input);
            Path path = Path.of(file);
            if (path.startsWith(folder) && !path.equals(folder)) {
                return folder.relativize(path).toString();
            }
        } catch (InvalidPathException e) {
            // an input described by name only: the whole path is still a place to look
        }
        return null;
    }
}
