package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Severity;
import io.vlmeta.api.ValueParser;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumFieldTypeTest {

    private final EnumFieldType type = new EnumFieldType();
    private final ValueParser parser = type.parser(Settings.defaults());

    @Test
    void sendsTheOptionTrimmed() {
        assertThat(parser.parse(RawValue.text(" active "))).isEqualTo(ParseResult.of("active"));
    }

    @Test
    void sendsNumberCellsAsPlainDigitsAndDateCellsAsIsoText() {
        assertThat(parser.parse(RawValue.Number.ofDouble(42))).isEqualTo(ParseResult.of("42"));
        assertThat(parser.parse(new RawValue.Number(new BigDecimal("42.0")))).isEqualTo(ParseResult.of("42"));
        assertThat(parser.parse(RawValue.Number.ofDouble(0.5))).isEqualTo(ParseResult.of("0.5"));
        assertThat(parser.parse(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null)))
                .isEqualTo(ParseResult.of("2024-01-15T00:00"));
    }

    @Test
    void acceptsAnOptionOfExactlyTheLengthLimit() {
        assertThat(parser.parse(RawValue.text("a".repeat(20)))).isEqualTo(ParseResult.of("a".repeat(20)));
    }

    @Test
    void refusesAnOverlongOptionAsAnEnumConstraint() {
        ParseResult result = parser.parse(RawValue.text("waiting_for_approval_x"));

        assertThat(result).isEqualTo(new ParseResult.Invalid(ProblemCategory.ENUM_CONSTRAINT,
                "Invalid enum value 'waiting_for_approval_x'. Has 22 characters, exceeds limit of 20"));
        assertThat(Rendered.atRow(4, "status", result)).isEqualTo(
                "Row 4, field 'status': Invalid enum value 'waiting_for_approval_x'. Has 22 characters, exceeds limit of 20");
    }

    @Test
    void takesTheOptionLengthLimitFromTheSettings() {
        ValueParser short3 = type.parser(Settings.enumLimits(600, 3));

        assertThat(short3.parse(RawValue.text("abcd"))).isEqualTo(new ParseResult.Invalid(
                ProblemCategory.ENUM_CONSTRAINT, "Invalid enum value 'abcd'. Has 4 characters, exceeds limit of 3"));
    }

    @Test
    void refusesAListCellPointingToMultiEnum() {
        RawValue list = new RawValue.ListValue(List.of(RawValue.text("a"), RawValue.text("b")));

        assertThat(parser.parse(list)).isEqualTo(ParseResult.invalid(
                "Invalid enum value '[a, b]'. Must be a single value, not a list; a multi-enum field takes lists"));
    }

    @Test
    void treatsEmptyCellsAsMissing() {
        assertThat(parser.parse(RawValue.text("   "))).isSameAs(ParseResult.absent());
        assertThat(parser.parse(RawValue.missing())).isSameAs(ParseResult.absent());
    }

    @Test
    void declaresTheDistinctOptionsSorted() {
        ColumnAccumulator accumulator = type.newAccumulator("status", Settings.defaults());
        for (String value : List.of("pending", "active", "pending", "Archived", "active")) {
            accumulator.add(((ParseResult.Value) parser.parse(RawValue.text(value))).json());
        }

        assertThat(accumulator.finish()).isEmpty();
        assertThat(accumulator.declaration()).isEqualTo(
                new FieldDeclaration("status", "enum", "enum", false, List.of("Archived", "active", "pending")));
    }

    @Test
    void sortsOptionsByCodePointAsPythonDoes() {
        ColumnAccumulator accumulator = type.newAccumulator("mark", Settings.defaults());
        String ligature = "\uFB00";          // U+FB00
        String mathScriptA = "\uD835\uDC9C"; // U+1D49C, after U+FB00 although its first UTF-16 unit is smaller
        accumulator.add(mathScriptA);
        accumulator.add(ligature);
        accumulator.add("z");

        assertThat(accumulator.declaration().enumOptions()).containsExactly("z", ligature, mathScriptA);
    }

    @Test
    void acceptsAColumnOfExactlyTheDistinctValueLimit() {
        ColumnAccumulator accumulator = type.newAccumulator("status", Settings.defaults());
        for (int i = 0; i < 600; i++) {
            accumulator.add("s" + i);
        }

        assertThat(accumulator.finish()).isEmpty();
        assertThat(accumulator.declaration().enumOptions()).hasSize(600);
    }

    @Test
    void refusesAColumnWithMoreDistinctValuesThanTheLimit() {
        ColumnAccumulator accumulator = type.newAccumulator("status", Settings.defaults());
        for (int i = 0; i < 750; i++) {
            accumulator.add("s" + i);
            accumulator.add("s" + i);
        }

        List<Problem> problems = accumulator.finish();

        assertThat(problems).containsExactly(new Problem(Severity.ERROR, ProblemCategory.ENUM_CONSTRAINT, null,
                "status", "Field 'status' (enum): Has 750 unique values, exceeds limit of 600"));
        assertThat(problems.get(0).render()).isEqualTo("Field 'status' (enum): Has 750 unique values, exceeds limit of 600");
    }

    @Test
    void takesTheDistinctValueLimitFromTheSettings() {
        ColumnAccumulator accumulator = type.newAccumulator("status", Settings.enumLimits(2, 20));
        accumulator.add("a");
        accumulator.add("b");
        accumulator.add("c");

        assertThat(accumulator.finish()).extracting(Problem::message)
                .containsExactly("Field 'status' (enum): Has 3 unique values, exceeds limit of 2");
    }

    @Test
    void staysBoundedOnAColumnOfIdsAndSaysMoreThanTheCap() {
        ColumnAccumulator accumulator = type.newAccumulator("id", Settings.defaults());
        for (int i = 0; i < 250_000; i++) {
            accumulator.add(Integer.toString(i));
        }

        assertThat(accumulator.finish()).extracting(Problem::message)
                .containsExactly("Field 'id' (enum): Has more than 100000 unique values, exceeds limit of 600");
        assertThat(accumulator.declaration().enumOptions()).hasSize(DistinctValueAccumulator.KEPT_AT_MOST);
    }

    @Test
    void countsExactlyUpToTheCap() {
        ColumnAccumulator accumulator = type.newAccumulator("id", Settings.defaults());
        for (int i = 0; i < 100_000; i++) {
            accumulator.add(Integer.toString(i));
        }
        accumulator.add("0");

        assertThat(accumulator.finish()).extracting(Problem::message)
                .containsExactly("Field 'id' (enum): Has 100000 unique values, exceeds limit of 600");
    }
}
