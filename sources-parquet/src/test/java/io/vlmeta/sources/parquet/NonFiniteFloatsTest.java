package io.vlmeta.sources.parquet;

import io.vlmeta.api.RawValue;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** NaN and infinities have no number value: they reach the float type as text, which it refuses by name. */
class NonFiniteFloatsTest {

    private final ValueMapping doubles = ParquetTypes.mappingFor(
            Types.optional(PrimitiveType.PrimitiveTypeName.DOUBLE).named("d"));
    private final ValueMapping floats = ParquetTypes.mappingFor(
            Types.optional(PrimitiveType.PrimitiveTypeName.FLOAT).named("f"));

    @Test
    void handsNanAndInfinitiesOnAsTextForTheFloatTypeToRefuse() {
        assertThat(doubles.ofDouble(Double.NaN)).isEqualTo(new RawValue.Text("NaN"));
        assertThat(doubles.ofDouble(Double.POSITIVE_INFINITY)).isEqualTo(new RawValue.Text("Infinity"));
        assertThat(floats.ofFloat(Float.NEGATIVE_INFINITY)).isEqualTo(new RawValue.Text("-Infinity"));
    }

    @Test
    void keepsTheShortestDecimalOfAFloatNotItsDoubleExpansion() {
        assertThat(floats.ofFloat(0.1f).display()).isEqualTo("0.1");
        assertThat(floats.ofFloat(1e10f).display()).isEqualTo("10000000000");
        assertThat(floats.ofFloat(42f).display()).isEqualTo("42");
    }
}
