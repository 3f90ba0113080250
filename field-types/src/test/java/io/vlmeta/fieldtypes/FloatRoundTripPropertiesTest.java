package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Scale;

class FloatRoundTripPropertiesTest {

    private final ValueParser parser = new FloatFieldType().parser(Settings.defaults());

    @Property
    void anyFiniteDoublesTextParsesToAnEqualNumber(@ForAll double value) {
        if (!Double.isFinite(value)) {
            assertThat(parser.parse(RawValue.text(Double.toString(value)))).isInstanceOf(ParseResult.Invalid.class);
            return;
        }
        BigDecimal sent = sent(parser.parse(RawValue.text(Double.toString(value))));

        assertThat(sent.doubleValue()).isEqualTo(value == 0 ? 0.0 : value);
        assertThat(sent.compareTo(new BigDecimal(Double.toString(value)))).isZero();
    }

    @Property
    void anyFiniteDoubleFromANumberCellSendsAnEqualNumber(@ForAll double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        BigDecimal sent = sent(parser.parse(RawValue.Number.ofDouble(value)));

        assertThat(sent.doubleValue()).isEqualTo(value == 0 ? 0.0 : value);
        if (value == Math.rint(value) && Math.abs(value) < 1e21) {
            assertThat(sent.abs().toString()).containsOnlyDigits().isEqualTo(sent.abs().toBigInteger().toString());
        }
    }

    @Property
    void keepsEveryDigitOfADecimalWritten(@ForAll @Scale(12) BigDecimal written) {
        BigDecimal sent = sent(parser.parse(RawValue.text(written.toPlainString())));

        assertThat(sent.toPlainString()).isEqualTo(written.toPlainString());
    }

    private static BigDecimal sent(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Value.class);
        return (BigDecimal) ((ParseResult.Value) result).json();
    }
}
