package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that looks equal but is not: control characters refused, options equal after NFC one option. */
class LookAlikeTextTest {

    private static final String ADVICE = "; remove it (many stores cannot hold U+0000 and invisible characters make "
            + "two values look alike).";
    /** {@code Café} as macOS writes it (e + U+0301) and as most tools do (U+00E9). */
    private static final String CAFE_NFD = "Cafe\u0301";
    private static final String CAFE_NFC = "Caf\u00e9";

    private final ValueParser string = new StringFieldType().parser(Settings.defaults());
    private final ValueParser enumParser = new EnumFieldType().parser(Settings.defaults());
    private final ValueParser multiEnum = new MultiEnumFieldType().parser(Settings.defaults());
    private final ValueParser link = new LinkFieldType().parser(Settings.defaults());

    @Test
    void refusesANulCharacterInAStringNamingRowFieldAndPosition() {
        ParseResult result = string.parse(RawValue.text("checked\u0000 ok"));

        assertThat(Rendered.atRow(5, "notes", result)).isEqualTo(
                "Row 5, field 'notes': Holds control character U+0000 at position 8" + ADVICE);
        assertThat(((ParseResult.Invalid) result).category()).isEqualTo(ProblemCategory.VALUE);
    }

    @Test
    void countsThePositionInCharactersAsUsersDoNotInUtf16Units() {
        // the emoji before it is one character, two UTF-16 units
        assertThat(string.parse(RawValue.text("\uD83D\uDE00a\u0007"))).isEqualTo(new ParseResult.Invalid(
                ProblemCategory.VALUE, "Holds control character U+0007 at position 3" + ADVICE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x08, 0x0B, 0x0C, 0x0E, 0x1B, 0x7F, 0x80, 0x85, 0x9F})
    void refusesEveryControlCharacterButTabLineFeedAndCarriageReturn(int codePoint) {
        String hex = String.format("%04X", codePoint);
        String value = "a" + (char) codePoint + "b";
        String expected = "Holds control character U+" + hex + " at position 2" + ADVICE;

        assertThat(string.parse(RawValue.text(value))).isEqualTo(new ParseResult.Invalid(ProblemCategory.VALUE, expected));
        assertThat(enumParser.parse(RawValue.text(value))).isEqualTo(new ParseResult.Invalid(ProblemCategory.VALUE,
                expected));
        assertThat(multiEnum.parse(RawValue.text(value))).isEqualTo(new ParseResult.Invalid(ProblemCategory.VALUE,
                expected));
    }

    @Test
    void keepsTabLineFeedAndCarriageReturnInsideText() {
        assertThat(string.parse(RawValue.text("line one\r\nline\ttwo")))
                .isEqualTo(ParseResult.of("line one\r\nline\ttwo"));
    }

    @Test
    void acceptsTheCharactersRightAfterTheControlRanges() {
        // U+00A0 NO-BREAK SPACE follows the C1 range; U+0020 and U+007E bound printable ASCII
        assertThat(string.parse(RawValue.text("a\u00A0b ~"))).isEqualTo(ParseResult.of("a\u00A0b ~"));
    }

    @Test
    void refusesAControlCharacterInAnEnumOption() {
        assertThat(Rendered.atRow(3, "status", enumParser.parse(RawValue.text("active\u0000")))).isEqualTo(
                "Row 3, field 'status': Holds control character U+0000 at position 7" + ADVICE);
    }

    @Test
    void refusesAControlCharacterInACommaSeparatedCellAtItsPositionInTheCell() {
        assertThat(Rendered.atRow(6, "tags", multiEnum.parse(RawValue.text("urban, bi\u0001cycle")))).isEqualTo(
                "Row 6, field 'tags': Holds control character U+0001 at position 10" + ADVICE);
    }

    @Test
    void refusesAnEscapedNulInAJsonArrayNamingTheItem() {
        assertThat(Rendered.atRow(7, "tags", multiEnum.parse(RawValue.text("[\"urban\", \"a\\u0000b\"]"))))
                .isEqualTo("Row 7, field 'tags': Item 2 holds control character U+0000 at position 2" + ADVICE);
    }

    @Test
    void refusesAControlCharacterInAListCellItem() {
        ParseResult result = multiEnum.parse(new RawValue.ListValue(List.of(RawValue.text("ok"), RawValue.text("x\u001Fy"))));

        assertThat(result).isEqualTo(new ParseResult.Invalid(ProblemCategory.VALUE,
                "Item 2 holds control character U+001F at position 2" + ADVICE));
    }

    @Test
    void refusesAControlCharacterInALinkWithTheSameWords() {
        assertThat(Rendered.atRow(9, "reference_url", link.parse(RawValue.text("https://example.com/a\u0000"))))
                .isEqualTo("Row 9, field 'reference_url': Holds control character U+0000 at position 22" + ADVICE);
    }

    @Test
    void sendsEnumOptionsInNfc() {
        assertThat(enumParser.parse(RawValue.text(CAFE_NFD))).isEqualTo(ParseResult.of(CAFE_NFC));
    }

    @Test
    void declaresOptionsEqualAfterNfcAsOneOption() {
        FieldTypeHandler type = new EnumFieldType();
        ColumnAccumulator accumulator = type.newAccumulator("venue", Settings.defaults());
        for (String value : List.of(CAFE_NFD, CAFE_NFC, "Bar", CAFE_NFD)) {
            accumulator.add(((ParseResult.Value) enumParser.parse(RawValue.text(value))).json());
        }

        assertThat(accumulator.declaration().enumOptions()).containsExactly("Bar", CAFE_NFC);
    }

    @Test
    void dropsAMultiEnumItemThatRepeatsAnotherAfterNfcAndSendsNfc() {
        assertThat(multiEnum.parse(RawValue.text(CAFE_NFD + ", " + CAFE_NFC + ", bar")))
                .isEqualTo(ParseResult.of(List.of(CAFE_NFC, "bar")));
        assertThat(multiEnum.parse(RawValue.text("[\"" + CAFE_NFD + "\"]"))).isEqualTo(ParseResult.of(List.of(CAFE_NFC)));
    }

    @Test
    void countsAnOptionsLengthInItsNfcForm() {
        // 20 letters each with a combining acute accent: 40 characters as written, 20 in NFC
        String decomposed = "e\u0301".repeat(20);

        assertThat(enumParser.parse(RawValue.text(decomposed))).isEqualTo(ParseResult.of("\u00e9".repeat(20)));
    }

    @Test
    void sendsStringsAsWritten() {
        assertThat(string.parse(RawValue.text(CAFE_NFD))).isEqualTo(ParseResult.of(CAFE_NFD));
    }
}
