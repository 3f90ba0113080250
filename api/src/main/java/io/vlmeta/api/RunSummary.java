package io.vlmeta.api;

import java.util.List;
import java.util.Map;

/**
 * The whole job at its end, for reports.
 *
 * @param input        the input as the user named it
 * @param source       the source plugin's name
 * @param mapping      where the media mapping came from (or that there was none)
 * @param dryRun       true when nothing was meant to be sent
 * @param plan         the fields in plan order
 * @param counts       per-field counts from validation, by field name
 * @param rows         records read
 * @param errorCount   all errors found (not only the kept ones)
 * @param warningCount all warnings found
 * @param problems     the problems kept (the first ones, up to the engine's bound), in the order found
 * @param gatePassed   true when validation found no error and the upload pass ran
 * @param outcomes     per-field outcomes of the upload pass; empty when it did not run
 * @since 0.1
 */
public record RunSummary(String input, String source, String mapping, boolean dryRun, List<FieldPlan> plan,
                         Map<String, FieldCounts> counts, long rows, long errorCount, long warningCount,
                         List<Problem> problems, boolean gatePassed, List<FieldOutcome> outcomes) {

    public RunSummary {
        plan = List.copyOf(plan);
        counts = Map.copyOf(counts);
        problems = List.copyOf(problems);
        outcomes = List.copyOf(outcomes);
    }
}
