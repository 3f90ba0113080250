package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Where an argument file's quote is left open, by the rules the parser's tokenizer reads the file with. */
class ArgumentFileQuotesTest {
    @Test
    void quotesClosedOnTheirLineAreFine() {
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a \"b c\" --d 'e f'\n--g \"O'Brien\" 'say \"hi\"'\n"))
                .isEmpty();
    }

    @Test
    void aQuoteOpenAtTheLinesEndIsFoundOnItsLine() {
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a b\n--api-key \"abc\n--c d\n")).isEqualTo(OptionalInt.of(2));
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a b\r\n--c d\r\n--e 'f")).isEqualTo(OptionalInt.of(3));
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a\r--b 'c\r")).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void aQuoteInsideAWordOpensOneAsTheTokenizerReadsIt() {
        assertThat(ArgumentFileQuotes.unclosedOnLine("--name O'Brien\n")).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void aQuoteInACommentIsNoQuoteAndAHashInQuotesNoComment() {
        assertThat(ArgumentFileQuotes.unclosedOnLine("# it's a comment\n--a 'b # c'\n")).isEmpty();
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a b# don't\n")).isEmpty();
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a '# c\n")).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void aBackslashInQuotesTakesTheNextCharacterAsItIs() {
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a \"say \\\"hi\\\"\"\n")).isEmpty();
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a 'ends \\'\n")).isEqualTo(OptionalInt.of(1));
        // an escaped line end is part of the word, which goes on to its quote on the next line
        assertThat(ArgumentFileQuotes.unclosedOnLine("--a 'b\\\nc' --d\n--e 'f\n")).isEqualTo(OptionalInt.of(3));
    }
}
