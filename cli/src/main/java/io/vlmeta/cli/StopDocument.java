package io.vlmeta.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * What a stop that halts a running job (a second signal, the stop watchdog) leaves on standard output: under
 * {@code --json} the {@code stopped} document a script reads, else nothing.
 */
@FunctionalInterface
interface StopDocument {
    /** No {@code --json}: standard output gets nothing from a stop. */
    StopDocument NONE = lines -> {
    };

    /**
     * The {@code stopped} document, written only when standard output is still free ({@link StdoutClaim}): a
     * job that has started its own document keeps it, cut short by the halt.
     *
     * @param out   standard output
     * @param claim who owns {@code out}
     */
    static StopDocument json(PrintStream out, StdoutClaim claim) {
        return lines -> {
            if (claim.claimForAForcedStop()) {
                JsonSummary.printForcedStop(String.join("\n", lines), out);
            }
        };
    }

    /**
     * Writes the document of a halt, just before it.
     *
     * @param lines what the halt printed on standard error, one line each (the resume command and its notes
     *              for an upload, which hold no secret); they become its {@code error}, joined by line breaks;
     *              never {@code null}. Never throws: a standard output that refuses the document loses it, and
     *              the halt goes on
     */
    void writeFor(List<String> lines);
}
