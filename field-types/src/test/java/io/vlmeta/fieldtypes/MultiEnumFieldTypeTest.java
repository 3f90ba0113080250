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
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiEnumFieldTypeTest {

    private final MultiEnumFieldType type = new MultiEnumFieldType();
    private final ValueParser parser = type.parser(Settings.defaults());

    @Test
    void readsCommaSeparatedText() {
        assertThat(parser.parse(RawValue.text("tag1, tag2, tag3")))
                .isEqualTo(ParseResult.of(List.of("tag1", "tag2", "tag3")));
    }

    @Test
    void readsAJsonArrayOfStrings() {
        assertThat(parser.parse(RawValue.text(" [\"tag1\", \"tag2\"] "))).isEqualTo(ParseResult.of(List.of("tag1", "tag2")));
        assertThat(parser.parse(RawValue.text("[\"a, b\", \"c\\u00e9\"]"))).isEqualTo(ParseResult.of(List.of("a, b", "cé")));
    }

    @Test
    void readsAListCell() {
        RawValue list = new RawValue.ListValue(List.of(RawValue.text(" ORIGINAL "), RawValue.Number.ofDouble(2.0),
                RawValue.missing(), RawValue.text("PRIMARY")));

        assertThat(parser.parse(list)).isEqualTo(ParseResult.of(List.of("ORIGINAL", "2", "PRIMARY")));
    }

    @Test
    void readsASingleValueAsAListOfOne() {
        assertThat(parser.parse(RawValue.text("solo"))).isEqualTo(ParseResult.of(List.of("solo")));
        assertThat(parser.parse(RawValue.Number.ofDouble(7))).isEqualTo(ParseResult.of(List.of("7")));
        assertThat(parser.parse(new RawValue.DateTime(LocalDateTime.of(2024, 1, 15, 0, 0), null)))
                .isEqualTo(ParseResult.of(List.of("2024-01-15T00:00")));
    }

    @Test
    void trimsItemsAndDropsEmptiesAndDuplicatesKeepingTheOrder() {
        assertThat(parser.parse(RawValue.text(" b, a, , b ,c,a"))).isEqualTo(ParseResult.of(List.of("b", "a", "c")));
        assertThat(parser.parse(RawValue.text("[\" b\", \"a\", \"\", \"b\"]"))).isEqualTo(ParseResult.of(List.of("b", "a")));
    }

    @Test
    void dropsDuplicatesInALongList() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("t").append(i % 25).append(',');
        }
        ParseResult result = parser.parse(RawValue.text(text.toString()));

        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) ((ParseResult.Value) result).json();
        assertThat(items).hasSize(25).startsWith("t0", "t1").endsWith("t24");
    }

    @ParameterizedTest
    @ValueSource(strings = {",", " , ,", "[]", "[\"\", \"  \"]", "  "})
    void treatsAListOfOnlyEmptyItemsAsMissing(String written) {
        assertThat(parser.parse(RawValue.text(written))).isSameAs(ParseResult.absent());
    }

    @Test
    void refusesAMalformedJsonArray() {
        ParseResult result = parser.parse(RawValue.text("[tag1"));

        assertThat(result).isEqualTo(ParseResult.invalid(
                "Invalid multi-enum value '[tag1'. Use comma-separated values or a JSON array of strings"));
        assertThat(Rendered.atRow(3, "tags", result)).isEqualTo("Row 3, field 'tags': "
                + "Invalid multi-enum value '[tag1'. Use comma-separated values or a JSON array of strings");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\"", "[\"a\"] x", "[\"a\"]]", "['a', 'b']", "[a, b]", "[\"a\",]"})
    void refusesTextThatStartsLikeAJsonArrayButIsNotOne(String written) {
        assertThat(parser.parse(RawValue.text(written))).isEqualTo(ParseResult.invalid(
                "Invalid multi-enum value '" + written + "'. Use comma-separated values or a JSON array of strings"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "[\"a\", null]", "[\"a\", [\"b\"]]", "[{\"a\": 1}]", "[true]"})
    void refusesAJsonArrayOfNonStrings(String written) {
        assertThat(parser.parse(RawValue.text(written))).isEqualTo(ParseResult.invalid("Invalid multi-enum value '"
                + written + "'. A JSON array must hold only strings, e.g. [\"tag1\", \"tag2\"]"));
    }

    @Test
    void refusesAListCellHoldingLists() {
        RawValue nested = new RawValue.ListValue(List.of(RawValue.text("a"),
                new RawValue.ListValue(List.of(RawValue.text("b")))));

        assertThat(parser.parse(nested)).isEqualTo(ParseResult.invalid(
                "Invalid multi-enum value '[a, [b]]'. Items must be single values, not lists"));
    }

    @Test
    void refusesAnOverlongItemAsForEnum() {
        ParseResult result = parser.parse(RawValue.text("ok, this_item_is_far_too_long"));

        assertThat(result).isEqualTo(new ParseResult.Invalid(ProblemCategory.ENUM_CONSTRAINT,
                "Invalid enum value 'this_item_is_far_too_long'. Has 25 characters, exceeds limit of 20"));
    }

    @Test
    void countsDistinctValuesAcrossAllLists() {
        ColumnAccumulator accumulator = type.newAccumulator("tags", Settings.defaults());
        for (int i = 0; i < 250; i++) {
            accumulator.add(List.of("a" + i, "b" + i, "c" + i));
            accumulator.add(List.of("a" + i));
        }

        assertThat(accumulator.finish()).containsExactly(new Problem(Severity.ERROR, ProblemCategory.ENUM_CONSTRAINT,
                null, "tags", "Field 'tags' (multi-enum): Has 750 unique values, exceeds limit of 600"));
    }

    @Test
    void declaresAMultiValuedEnumWithSortedOptions() {
        ColumnAccumulator accumulator = type.newAccumulator("tags", Settings.defaults());
        accumulator.add(((ParseResult.Value) parser.parse(RawValue.text("tag2, tag1"))).json());
        accumulator.add(((ParseResult.Value) parser.parse(RawValue.text("[\"tag3\", \"tag1\"]"))).json());

        assertThat(accumulator.finish()).isEmpty();
        assertThat(accumulator.declaration()).isEqualTo(
                new FieldDeclaration("tags", "multi-enum", "enum", true, List.of("tag1", "tag2", "tag3")));
    }
}
