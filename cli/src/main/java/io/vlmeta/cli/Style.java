package io.vlmeta.cli;

/**
 * How step lines look: the reference script's emoji on a terminal, plain text elsewhere (logs, pipes,
 * CI), where emoji would only be noise.
 */
final class Style {
    static final String RULE = "=".repeat(50);

    private final boolean terminal;

    Style(boolean terminal) {
        this.terminal = terminal;
    }

    /** @return the emoji and a space on a terminal; nothing otherwise */
    String mark(String emoji) {
        return terminal ? emoji + " " : "";
    }
}
