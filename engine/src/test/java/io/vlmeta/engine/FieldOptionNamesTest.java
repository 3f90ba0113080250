package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;
import io.vlmeta.api.VlmetaException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A field option no installed field type reads is refused by its name, never its value, with the names read. */
class FieldOptionNamesTest {
    /** A field type that lists the options it reads, or does not say when {@code names} is null. */
    private record Listing(Set<String> names) implements FieldTypeHandler {
        @Override
        public String name() {
            return "listing";
        }

        @Override
        public String description() {
            return "lists its options";
        }

        @Override
        public Optional<Set<String>> optionNames() {
            return Optional.ofNullable(names);
        }

        @Override
        public ValueParser parser(FieldSettings settings) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aFieldOptionNoFieldTypeReadsIsRefusedNamingTheOptionAndWhatTheyRead() {
        List<FieldTypeHandler> types = List.of(new Listing(Set.of()), new Listing(Set.of("scale", "base")));

        assertThatThrownBy(() -> OptionNames.checkFieldTypes(types, Map.of("scael", "S3CRq"), Map.of()))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Unknown --field-option 'scael': the installed field types read base, scale.");
        assertThatThrownBy(() -> OptionNames.checkFieldTypes(types, Map.of("scael", "S3CRq"),
                Map.of("scael", "Plan p.yaml, field-settings.options.scael")))
                .hasMessage("Plan p.yaml, field-settings.options.scael: unknown option; the installed field types "
                        + "read base, scale.");
        assertThatCode(() -> OptionNames.checkFieldTypes(types, Map.of("scale", "2"), Map.of()))
                .doesNotThrowAnyException();
    }

    @Test
    void whenNoFieldTypeReadsOptionsEveryOneIsRefusedSayingSo() {
        assertThatThrownBy(() -> OptionNames.checkFieldTypes(List.of(new Listing(Set.of())), Map.of("scale", "2"),
                Map.of())).hasMessage("Unknown --field-option 'scale': no installed field type reads options; remove "
                        + "it, or add the field type that reads it with --plugins-dir.");
    }

    @Test
    void aFieldTypeThatDoesNotListItsOptionsLetsEveryNameThrough() {
        List<FieldTypeHandler> types = List.of(new Listing(Set.of()), new Listing(null));

        assertThatCode(() -> OptionNames.checkFieldTypes(types, Map.of("anything", "1"), Map.of()))
                .doesNotThrowAnyException();
    }
}
