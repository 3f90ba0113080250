package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FloatFieldTypeTest {

    private final FloatFieldType type = new FloatFieldType();
    private final ValueParser parser = type.parser(Settings.defaults());

    @ParameterizedTest
    @CsvSource({
        "95.5, 95.5",
        "-0.5, -0.5",
        "42, 42",
        "0.1, 0.1",
        "1e-3, 0.001",
        "2.5E+3, 2.5E+3",
        "+7, 7",
        ".5, 0.5",
        "5.000000, 5.000000",
        "' 12.25 ', 12.25",
    })
    void sendsTheDigitsTheUserWrote(String written, String sent) {
        ParseResult result = parser.parse(RawValue.text(written));

        assertThat(result).isEqualTo(ParseResult.of(new BigDecimal(sent)));
        assertThat(((BigDecimal) ((ParseResult.Value) result).json()).toString()).isEqualTo(sent);
    }

    @Test
    void keepsTheShortDecimalOfAPointOneRatherThanItsBinaryExpansion() {
        ParseResult result = parser.parse(RawValue.text("0.1"));

        assertThat(((ParseResult.Value) result).json().toString()).isEqualTo("0.1");
    }

    @Test
    void sendsIntegralNumberCellsWithoutASpuriousFraction() {
        assertThat(parser.parse(RawValue.Number.ofDouble(42.0))).isEqualTo(ParseResult.of(new BigDecimal("42")));
        assertThat(parser.parse(new RawValue.Number(new BigDecimal("42.0"))))
                .isEqualTo(ParseResult.of(new BigDecimal("42")));
        assertThat(parser.parse(new RawValue.Number(new BigDecimal("100.00"))))
                .isEqualTo(ParseResult.of(new BigDecimal("100")));
        assertThat(parser.parse(RawValue.Number.ofDouble(0.1))).isEqualTo(ParseResult.of(new BigDecimal("0.1")));
    }

    @Test
    void refusesTextThatIsNoNumber() {
        ParseResult result = parser.parse(RawValue.text("abc"));

        assertThat(result).isEqualTo(ParseResult.invalid("Invalid float value 'abc'. Must be a valid number."));
        assertThat(Rendered.atRow(5, "score", result))
                .isEqualTo("Row 5, field 'score': Invalid float value 'abc'. Must be a valid number.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,5", "1_000", "0x10", ".", "e5", "1e", "1e+", "--1", "1.2.3", "12abc", "١٢"})
    void refusesNotationsItDoesNotRead(String written) {
        assertThat(parser.parse(RawValue.text(written)))
                .isEqualTo(ParseResult.invalid("Invalid float value '" + written + "'. Must be a valid number."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-NaN", "inf", "-inf", "Infinity", "+infinity", "-Infinity"})
    void refusesNaNAndInfinitiesBecauseJsonCannotCarryThem(String written) {
        assertThat(parser.parse(RawValue.text(written)))
                .isEqualTo(ParseResult.invalid("Invalid float value '" + written + "'. Must be a finite number."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1.8e308", "1e99999999999"})
    void refusesNumbersBeyondWhatTheServersDoubleHolds(String written) {
        assertThat(parser.parse(RawValue.text(written)))
                .isEqualTo(ParseResult.invalid("Invalid float value '" + written + "'. Must be a finite number."));
    }

    @Test
    void acceptsTheLargestDouble() {
        String largest = Double.toString(Double.MAX_VALUE);

        assertThat(parser.parse(RawValue.text(largest))).isEqualTo(ParseResult.of(new BigDecimal(largest)));
    }

    @Test
    void treatsEmptyCellsAsMissing() {
        assertThat(parser.parse(RawValue.text("  "))).isSameAs(ParseResult.absent());
        assertThat(parser.parse(RawValue.missing())).isSameAs(ParseResult.absent());
    }

    @Test
    void refusesDateAndListCells() {
        RawValue date = new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 10, 30), null);
        RawValue list = new RawValue.ListValue(List.of(RawValue.Number.ofDouble(1), RawValue.Number.ofDouble(2)));

        assertThat(parser.parse(date))
                .isEqualTo(ParseResult.invalid("Invalid float value '2024-01-15T10:30'. Must be a number, not a date."));
        assertThat(parser.parse(list))
                .isEqualTo(ParseResult.invalid("Invalid float value '[1, 2]'. Must be a single number, not a list."));
    }

    @Test
    void shortensAHugeBadValueInTheMessage() {
        String huge = "x".repeat(5000);

        assertThat(parser.parse(RawValue.text(huge))).isEqualTo(
                ParseResult.invalid("Invalid float value '" + "x".repeat(100) + "...'. Must be a valid number."));
    }

    @Test
    void declaresAFloatField() {
        var accumulator = type.newAccumulator("score", Settings.defaults());

        assertThat(accumulator.finish()).isEmpty();
        assertThat(accumulator.declaration()).isEqualTo(FieldDeclaration.simple("score", "float", "float"));
    }
}
