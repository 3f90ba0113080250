package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bars and the step lines share one terminal: what they write is replayed through a small
 * terminal model (carriage return, line feed, cursor up, erase below; colours ignored) and the
 * screen is read back.
 */
class BarBoardTest {
    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(terminal, true, StandardCharsets.UTF_8);

    /** @return the screen's lines after replaying everything written so far */
    private List<String> screen() {
        String text;
        synchronized (terminal) {
            text = terminal.toString(StandardCharsets.UTF_8);
        }
        List<StringBuilder> lines = new ArrayList<>(List.of(new StringBuilder()));
        int row = 0;
        int col = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u001b' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                int end = i + 2;
                while (end < text.length() && !Character.isLetter(text.charAt(end))) {
                    end++;
                }
                if (end == text.length()) {
                    break; // read while the bar's thread is still writing the sequence
                }
                String argument = text.substring(i + 2, end);
                switch (text.charAt(end)) {
                    case 'A' -> row = Math.max(0, row - (argument.isEmpty() ? 1 : Integer.parseInt(argument)));
                    case 'J' -> {
                        lines.get(row).setLength(Math.min(col, lines.get(row).length()));
                        while (lines.size() > row + 1) {
                            lines.remove(lines.size() - 1);
                        }
                    }
                    default -> { } // colours
                }
                i = end;
            } else if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                row++;
                col = 0;
                if (lines.size() <= row) {
                    lines.add(new StringBuilder());
                }
            } else {
                StringBuilder line = lines.get(row);
                while (line.length() < col) {
                    line.append(' ');
                }
                if (col < line.length()) {
                    line.setCharAt(col, c);
                } else {
                    line.append(c);
                }
                col++;
            }
        }
        return lines.stream().map(StringBuilder::toString).toList();
    }

    private void awaitOnScreen(String text) throws InterruptedException {
        awaitScreen(() -> screen().stream().anyMatch(line -> line.contains(text)));
        assertThat(screen()).anyMatch(line -> line.contains(text));
    }

    /** Waits for the bar's own thread to draw what {@code drawn} looks for: up to 30 s on a busy machine. */
    private static void awaitScreen(java.util.function.BooleanSupplier drawn) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!drawn.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void stepLinesArePrintedAboveTheBarsAndNeverThroughThem() throws Exception {
        BarBoard board = new BarBoard(stream, 100);
        PrintStream steps = board.guard(stream);

        board.overall("Uploading", 100, 3_000, 2);
        board.field("Uploading score", 100, 2_000);
        awaitOnScreen("100/2000"); // a bar's first render may come before its first step is drawn
        steps.println("Declared field 'score' as float (task 1).");
        board.field("Uploading tags", 0, 1_000);
        steps.print("Declared field 'tags' as enum ");
        steps.println("(task 2).");
        awaitOnScreen("Uploading tags");
        List<String> during = screen();
        board.close();
        List<String> after = screen();

        assertThat(during.get(0)).isEqualTo("Declared field 'score' as float (task 1).");
        assertThat(during.get(1)).isEqualTo("Declared field 'tags' as enum (task 2).");
        assertThat(during.get(2)).startsWith("Uploading 2 fields");
        assertThat(during.get(3)).startsWith("Uploading score").contains("100/2000");
        assertThat(during.get(4)).startsWith("Uploading tags");
        assertThat(after).containsExactly("Declared field 'score' as float (task 1).",
                "Declared field 'tags' as enum (task 2).", "");
    }

    /** @return the speed a bar on screen shows for {@code unit}, e.g. 83.3 for "83.3 values/s" */
    private double speedOnScreen(String task, String unit) {
        java.util.regex.Pattern speed = java.util.regex.Pattern.compile("([0-9][0-9.,]*) ?" + unit + "/s");
        return screen().stream().filter(line -> line.startsWith(task)).map(speed::matcher)
                .filter(java.util.regex.Matcher::find).mapToDouble(m -> Double.parseDouble(m.group(1).replace(",", "")))
                .findFirst().orElse(-1);
    }

    @Test
    void aResumedUploadsSpeedCountsOnlyTheValuesSentSinceItsBarOpened() throws Exception {
        BarBoard board = new BarBoard(stream, 120);

        // a resume: 900,000 values were sent by the run before, the first observation says so
        board.overall("Uploading", 900_000, 1_000_000, 1);
        board.field("Uploading score", 900_000, 1_000_000);
        Thread.sleep(1_300); // progressbar shows a speed once a whole second has passed
        board.overall("Uploading", 900_500, 1_000_000, 1);
        board.field("Uploading score", 900_500, 1_000_000);
        awaitScreen(() -> speedOnScreen("Uploading 1 field", " values") > 0
                && speedOnScreen("Uploading score", " values") > 0);
        double overall = speedOnScreen("Uploading 1 field", " values");
        double field = speedOnScreen("Uploading score", " values");
        board.close();

        // 500 values in 1.3 s or more: at most 500 a second, never the 900,000 the earlier run sent
        assertThat(overall).as(screen().toString()).isBetween(1.0, 500.0);
        assertThat(field).as(screen().toString()).isBetween(1.0, 500.0);
    }

    @Test
    void aFinishedBarLeavesNoTrace() throws Exception {
        BarBoard board = new BarBoard(stream, 100);
        PrintStream steps = board.guard(stream);

        board.validating(20_000, 1_000, 10_000);
        awaitOnScreen("Validating");
        board.validated();
        steps.println("Validation passed: 20000 rows, 1 field");
        board.close();

        assertThat(screen()).containsExactly("Validation passed: 20000 rows, 1 field", "");
    }

    @Test
    void linesAreNeverWiderThanTheTerminal() throws Exception {
        BarBoard board = new BarBoard(stream, 40);

        board.field("Uploading a_field_with_a_rather_long_name", 10, 100_000);
        awaitOnScreen("Uploading");
        List<String> during = screen();
        board.close();

        assertThat(during).allMatch(line -> line.length() < 40);
    }
}
