package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0.000", "1.", ".5", "-.5", "+7", "000123.4500", "0.8519", "2820.6",
        "1.2345e3", "1.2345E-3", "1e+3", "-1E0", "5.000000", "999999999999999999", "-999999999999999999",
        "0.00000000000000001", "1e999999999", "1E-999999999", "12345678.1234567891e-000000001"})
    void readsTheCommonNumberToWhatBigDecimalReads(String text) {
        assertSameAsBigDecimal(text);
        assertThat(Decimals.parseSmall(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "-", ".", "+.", "e5", ".e5", "1e", "1e+", "1E-", "1.2.3", " 1", "1 ", "1,5",
        "0x10", "1e5x", "\u0661\u0662", "1_000", "++1", "1e--1", "1.e", "NaN", "Infinity"})
    void leavesWhatIsNoDecimalToTheGeneralRules(String text) {
        assertThat(Decimals.parseSmall(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999999999999999999", "1234567890123456789.5", "0.0000000000000000001",
        "1e1234567890", "1e2147483648", "1E-0000000001"})
    void leavesLongDigitsAndExponentsToBigDecimal(String text) {
        // BigDecimal reads them (or refuses an exponent beyond an int); the float type then words the outcome
        assertThat(Decimals.parseSmall(text)).isNull();
        assertThat(Decimals.isDecimal(text)).isTrue();
    }

    @Property(tries = 3000)
    void anyTextOfNumberCharactersReadsAsBigDecimalReadsIt(@ForAll("numberLike") String text) {
        assertSameAsBigDecimal(text);
    }

    @Property(tries = 3000)
    void everyDecimalWithUpToEighteenDigitsIsReadWithoutTheGeneralRules(@ForAll("decimals") String text) {
        assertThat(Decimals.parseSmall(text)).isNotNull();
        assertSameAsBigDecimal(text);
    }

    /** When the fast reading answers, it is the general grammar's answer with BigDecimal's exact value. */
    private static void assertSameAsBigDecimal(String text) {
        BigDecimal small = Decimals.parseSmall(text);
        if (small == null) {
            return;
        }
        assertThat(Decimals.isDecimal(text)).isTrue();
        BigDecimal general = new BigDecimal(text);
        assertThat(small).isEqualTo(general); // equals compares the scale too
        assertThat(small.toString()).isEqualTo(general.toString());
        assertThat(small.precision()).isEqualTo(general.precision());
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.strings().withChars("0123456789+-.eE 9").ofMaxLength(24);
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "+", "-");
        Arbitrary<String> integer = Arbitraries.strings().numeric().ofMaxLength(9);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMaxLength(9).map(f -> f.isEmpty() ? "" : "." + f);
        Arbitrary<String> exponent = Combinators.combine(Arbitraries.of("", "e", "E", "e+", "E-", "e-"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9))
                .as((marker, digits) -> marker.isEmpty() ? "" : marker + digits);
        return Combinators.combine(sign, integer, fraction, exponent).as((s, i, f, e) -> s + i + f + e)
                .filter(t -> t.replaceAll("[eE].*", "").chars().anyMatch(Character::isDigit));
    }
}
