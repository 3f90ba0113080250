package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTextTest {

    @Test
    void writesAnOperatingSystemCommandThatWouldRetitleTheTerminalAsVisibleEscapes() {
        assertThat(ConsoleText.escape("a\u001B]0;pwned\u0007b")).isEqualTo("a\\u001B]0;pwned\\u0007b");
    }

    @Test
    void escapesEveryC0ControlDelAndEveryC1Control() {
        assertThat(ConsoleText.escape("\t\n\r\u0000\u001F\u007F\u0080\u009B\u009F"))
                .isEqualTo("\\u0009\\u000A\\u000D\\u0000\\u001F\\u007F\\u0080\\u009B\\u009F");
    }

    @Test
    void leavesPrintableTextEmojiAndAccentsAlone() {
        String text = "🚀 Zürich, 東京 – ÿ \u00A0 ok";
        assertThat(ConsoleText.escape(text)).isSameAs(text);
    }

    @Test
    void keepsTheLineBreaksOfAMultiLineErrorButEscapesEveryOtherControl() {
        assertThat(ConsoleText.escapeKeepingLines("cannot read:\n  - a\u001B]0;t\u0007\r\n  - b"))
                .isEqualTo("cannot read:\n  - a\\u001B]0;t\\u0007\\u000D\n  - b");
    }

    @Test
    void consoleStreamEscapesEachPrintedLineButKeepsItsOwnLineEnds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream stream = ConsoleStream.of(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        stream.println("value '\u001B[2J'");
        stream.print("x\ry");
        stream.println();
        stream.printf("%s%n", "\u009B31m");

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("value '\\u001B[2J'\nx\\u000Dy\n\\u009B31m\\u000A");
    }
}
