package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.vlmeta.api.VlmetaException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A column given two types is refused naming where each was given; a type is named only when it is built in, as
 * the refusal comes before the plugins are known and a word that is no built-in type may be a slip, or a secret.
 */
class ColumnTypeConflictTest {
    @Test
    void twoBuiltInTypesAreNamedWithTheOptionsThatGaveThem() {
        assertThatThrownBy(() -> JobSpec.builder().fields("float", List.of("score"), "--float-fields")
                .fields("enum", List.of("score"), "--enum-fields"))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Column 'score' is given two types, float by --float-fields and enum by --enum-fields; "
                        + "give each column one type.");
    }

    @Test
    void aTypeThatIsNotBuiltInIsNamedOnlyByItsOption() {
        assertThatThrownBy(() -> JobSpec.builder().fields("string", List.of("caption"), "--string-fields")
                .fields("S3CRET", List.of("caption"), "--field-type"))
                .hasMessage("Column 'caption' is given two types, string by --string-fields and a type not "
                        + "built in by --field-type; give each column one type.");
        assertThatThrownBy(() -> JobSpec.builder().fields("S3CRET", List.of("caption"), "--field-type")
                .fields("string", List.of("caption"), "--string-fields"))
                .hasMessage("Column 'caption' is given two types, a type not built in by --field-type and "
                        + "string by --string-fields; give each column one type.");
    }

    @Test
    void aTypeGivenTwiceAlikeIsNoConflict() {
        assertThatNoException().isThrownBy(() -> JobSpec.builder().fields("float", List.of("score"), "--float-fields")
                .fields("float", List.of("score"), "--field-type"));
    }

    @Test
    void withoutOriginsOnlyTheBuiltInTypesAreNamed() {
        assertThatThrownBy(() -> JobSpec.builder().fields("integer", List.of("count"))
                .fields("float", List.of("count")))
                .hasMessage("Column 'count' is given two types, a type not built in and float; give each "
                        + "column one type.");
    }
}
