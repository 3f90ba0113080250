package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MultiEnumFormsPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Long enough that no generated item hits the option length limit. */
    private final ValueParser parser = new MultiEnumFieldType().parser(new FieldSettings(255, false, 600, 1000,
            ZoneId.of("UTC"), List.of(), Map.of()));

    @Property
    void aJsonArrayAndCommaSeparatedTextOfTheSameItemsParseToTheSameList(@ForAll("items") List<String> items)
            throws JsonProcessingException {
        ParseResult fromJson = parser.parse(RawValue.text(JSON.writeValueAsString(items)));
        ParseResult fromCommas = parser.parse(RawValue.text(String.join(", ", items)));
        ParseResult fromList = parser.parse(new RawValue.ListValue(items.stream().map(RawValue::text).toList()));

        List<String> expected = new ArrayList<>(new LinkedHashSet<>(items.stream().map(String::strip)
                .filter(item -> !item.isEmpty()).toList()));
        ParseResult wanted = expected.isEmpty() ? ParseResult.absent() : ParseResult.of(expected);
        assertThat(fromJson).isEqualTo(wanted);
        assertThat(fromCommas).isEqualTo(wanted);
        assertThat(fromList).isEqualTo(wanted);
    }

    @Provide
    Arbitrary<List<String>> items() {
        // No commas (the comma-separated form cannot hold them), no leading '[' (which means JSON) and no
        // half of the emoji alone (refused).
        Arbitrary<String> item = Arbitraries.strings().withChars("abcXYZ019 _-.\"'\\]/é✓😀\t")
                .ofMaxLength(12).filter(s -> !s.strip().startsWith("[") && RefusedCharacters.indexOf(s) < 0);
        return item.list().ofMaxSize(8);
    }
}
