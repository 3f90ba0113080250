package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringFieldTypeTest {

    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two UTF-16 units

    private final StringFieldType type = new StringFieldType();
    private final ValueParser parser = type.parser(Settings.defaults());

    @Test
    void sendsTheTextTrimmed() {
        assertThat(parser.parse(RawValue.text("  P001 \t"))).isEqualTo(ParseResult.of("P001"));
        assertThat(parser.parse(RawValue.text("00123"))).isEqualTo(ParseResult.of("00123"));
    }

    @Test
    void treatsEmptyAndWhiteSpaceCellsAsMissing() {
        assertThat(parser.parse(RawValue.text(""))).isSameAs(ParseResult.absent());
        assertThat(parser.parse(RawValue.text(" \t "))).isSameAs(ParseResult.absent());
        assertThat(parser.parse(RawValue.missing())).isSameAs(ParseResult.absent());
    }

    @Test
    void acceptsExactlyTheLimit() {
        String atLimit = "x".repeat(255);
        assertThat(parser.parse(RawValue.text(atLimit))).isEqualTo(ParseResult.of(atLimit));
    }

    @Test
    void refusesTextOverTheLimitNamingItsLength() {
        ParseResult result = parser.parse(RawValue.text("y".repeat(300)));

        assertThat(result).isEqualTo(ParseResult.invalid("Value has 300 characters, exceeds limit of 255"));
        assertThat(Rendered.atRow(5, "notes", result))
                .isEqualTo("Row 5, field 'notes': Value has 300 characters, exceeds limit of 255");
    }

    @Test
    void countsCharactersAsCodePointsSoEmojiCountOnce() {
        String emojis = EMOJI.repeat(255);
        assertThat(emojis.length()).isEqualTo(510);

        assertThat(parser.parse(RawValue.text(emojis))).isEqualTo(ParseResult.of(emojis));
        assertThat(parser.parse(RawValue.text(emojis + EMOJI)))
                .isEqualTo(ParseResult.invalid("Value has 256 characters, exceeds limit of 255"));
    }

    @Test
    void truncatesWithAWarningWhenAskedTo() {
        ValueParser truncating = type.parser(Settings.stringMaxLength(255, true));

        ParseResult result = truncating.parse(RawValue.text("z".repeat(300)));

        assertThat(result).isEqualTo(new ParseResult.Value("z".repeat(255),
                "Value has 300 characters, cut to the limit of 255"));
    }

    @Test
    void truncationNeverCutsASurrogatePairInHalf() {
        ValueParser truncating = type.parser(Settings.stringMaxLength(4, true));

        ParseResult result = truncating.parse(RawValue.text("ab" + EMOJI + EMOJI + "c"));

        assertThat(result).isEqualTo(new ParseResult.Value("ab" + EMOJI + EMOJI,
                "Value has 5 characters, cut to the limit of 4"));
    }

    @Test
    void takesItsLimitFromTheSettings() {
        ValueParser short5 = type.parser(Settings.stringMaxLength(5, false));

        assertThat(short5.parse(RawValue.text("abcde"))).isEqualTo(ParseResult.of("abcde"));
        assertThat(short5.parse(RawValue.text("abcdef")))
                .isEqualTo(ParseResult.invalid("Value has 6 characters, exceeds limit of 5"));
    }

    @Test
    void sendsNumberCellsAsTheirPlainDigits() {
        assertThat(parser.parse(RawValue.Number.ofDouble(42.0))).isEqualTo(ParseResult.of("42"));
        assertThat(parser.parse(new RawValue.Number(new BigDecimal("42.0")))).isEqualTo(ParseResult.of("42"));
        assertThat(parser.parse(RawValue.Number.ofDouble(0.5))).isEqualTo(ParseResult.of("0.5"));
        assertThat(parser.parse(RawValue.Number.ofDouble(1e20))).isEqualTo(ParseResult.of("100000000000000000000"));
        assertThat(parser.parse(new RawValue.Number(new BigDecimal("1.50")))).isEqualTo(ParseResult.of("1.50"));
    }

    @Test
    void sendsDateCellsAsIsoText() {
        LocalDateTime wallClock = LocalDateTime.of(2024, 1, 15, 10, 30);

        assertThat(parser.parse(new RawValue.DateTime(wallClock, null))).isEqualTo(ParseResult.of("2024-01-15T10:30"));
        assertThat(parser.parse(new RawValue.DateTime(wallClock, ZoneOffset.ofHours(2))))
                .isEqualTo(ParseResult.of("2024-01-15T10:30+02:00"));
    }

    @Test
    void refusesAListCell() {
        RawValue list = new RawValue.ListValue(List.of(RawValue.text("a"), RawValue.text("b")));

        assertThat(parser.parse(list))
                .isEqualTo(ParseResult.invalid("Invalid string value '[a, b]'. Must be a single value, not a list"));
    }

    @Test
    void declaresAPlainStringField() {
        var accumulator = type.newAccumulator("notes", Settings.defaults());
        accumulator.add("anything");

        assertThat(accumulator.finish()).isEmpty();
        assertThat(accumulator.declaration()).isEqualTo(FieldDeclaration.simple("notes", "string", "string"));
    }
}
