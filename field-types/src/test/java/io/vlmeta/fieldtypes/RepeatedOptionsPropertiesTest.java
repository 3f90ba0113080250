package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Enum and multi-enum parsers remember the options they accepted and read the common JSON array
 * without a JSON parser: neither may change any answer. Each cell is parsed by one parser that has
 * seen every cell before it and by a new parser, and both answers must be equal.
 */
class RepeatedOptionsPropertiesTest {

    /** A short limit, so that some generated options are refused for their length. */
    private static final FieldSettings SETTINGS = Settings.enumLimits(600, 6);

    @Property(tries = 300)
    void anEnumParserAnswersEachCellAsANewParserWould(@ForAll("enumCells") List<String> cells) {
        assertAnswersAsNewParsers(new EnumFieldType(), cells);
    }

    @Property(tries = 300)
    void aMultiEnumParserAnswersEachCellAsANewParserWould(@ForAll("multiEnumCells") List<String> cells) {
        assertAnswersAsNewParsers(new MultiEnumFieldType(), cells);
    }

    private static void assertAnswersAsNewParsers(FieldTypeHandler type, List<String> cells) {
        ValueParser shared = type.parser(SETTINGS);
        for (String cell : cells) {
            ParseResult fresh = type.parser(SETTINGS).parse(RawValue.text(cell));
            assertThat(shared.parse(RawValue.text(cell))).as("cell '%s'", cell).isEqualTo(fresh);
        }
    }

    @Property(tries = 2000)
    void aJsonArrayReadsAsTheJsonParserReadsIt(@ForAll("jsonLike") String cell) {
        String trimmed = cell.strip();
        if (!trimmed.startsWith("[") || RefusedCharacters.indexOf(trimmed) >= 0) {
            return;
        }
        MultiEnumParser parser = (MultiEnumParser) new MultiEnumFieldType().parser(SETTINGS);
        ParseResult general = ((MultiEnumParser) new MultiEnumFieldType().parser(SETTINGS)).parseJsonArray(trimmed);

        assertThat(parser.parse(RawValue.text(cell))).isEqualTo(general);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"a\",\"b\"]", "[ \"a\" , \"b\" ]", "[]", "[ ]", "[\"a\" \"b\"]", "[\"a\",]", "[,\"a\"]",
        "[\"a\\\"b\"]", "[\"a\\u0041\"]", "[\"a\"] ]", "[\"a\"]x", "[\"a\",1]", "[\"a\",[\"b\"]]", "[\"a\tb\"]",
        "[\t\"a\"]", "[\"a\"\n]", "[\" a \", \"a\"]", "[\"a,b\", \"c]\"]", "[\"toolongoption\"]", "[\"\"]", "[\"",
        "[\"a", "[\"a\"", "[\"a\",", "[\"é\", \"e\u0301\"]"})
    void readsEachJsonArrayAsTheJsonParserDoes(String cell) {
        aJsonArrayReadsAsTheJsonParserReadsIt(cell);
    }

    @Property(tries = 1000)
    void commaSeparatedItemsAreTrimmedAsStripTrimsThem(@ForAll("commaCells") String cell) {
        if (cell.strip().startsWith("[")) {
            return;
        }
        List<RawValue> items = Arrays.stream(cell.split(",", -1)).map(RawValue::text).toList();
        ValueParser parser = new MultiEnumFieldType().parser(SETTINGS);
        ParseResult fromList = new MultiEnumFieldType().parser(SETTINGS).parse(new RawValue.ListValue(items));

        if (RefusedCharacters.indexOf(cell) >= 0) {
            // half of the emoji alone: both refuse, the cell naming a position in the cell, the list an item
            assertThat(parser.parse(RawValue.text(cell))).isInstanceOf(ParseResult.Invalid.class);
            assertThat(fromList).isInstanceOf(ParseResult.Invalid.class);
            return;
        }
        assertThat(parser.parse(RawValue.text(cell))).isEqualTo(fromList);
    }

    @Test
    @SuppressWarnings("unchecked")
    void givesEveryCellOfAnOptionTheSameString() {
        ValueParser enumParser = new EnumFieldType().parser(Settings.defaults());
        ValueParser multiEnum = new MultiEnumFieldType().parser(Settings.defaults());

        Object first = ((ParseResult.Value) enumParser.parse(RawValue.text(new String("Rain")))).json();
        Object second = ((ParseResult.Value) enumParser.parse(RawValue.text(" Rain"))).json();
        List<Object> tags = (List<Object>) ((ParseResult.Value) multiEnum.parse(RawValue.text("bridge, cat"))).json();
        List<Object> again = (List<Object>) ((ParseResult.Value) multiEnum.parse(RawValue.text("[\"cat\", \"bridge\"]"))).json();

        assertThat(second).isEqualTo("Rain").isSameAs(first);
        assertThat(again).containsExactly("cat", "bridge");
        assertThat(again.get(0)).isSameAs(tags.get(1));
        assertThat(again.get(1)).isSameAs(tags.get(0));
    }

    @Provide
    Arbitrary<List<String>> enumCells() {
        return Arbitraries.strings().withChars("aAb é\u0301e\t\u0000\u0085x-5").ofMaxLength(9).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<String>> multiEnumCells() {
        return Arbitraries.oneOf(jsonLike(), commaCells()).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> jsonLike() {
        Arbitrary<String> tokens = Arbitraries.of("[", "]", "\"", ",", " ", "\\", "a", "bb", "é", "e\u0301", "\t",
                "\\u0041", "\\u0000", "1", "null", "\"a\"", "\"cc\"", ", ", "toolongitem", "\u0085", "\n");
        return tokens.list().ofMaxSize(14).map(parts -> "[" + String.join("", parts));
    }

    @Provide
    Arbitrary<String> commaCells() {
        return Arbitraries.strings().withChars("ab,é\u0301 \t\u2003\u00A0\u3000\u200B\uD83D\uDE00[").ofMaxLength(16);
    }
}
