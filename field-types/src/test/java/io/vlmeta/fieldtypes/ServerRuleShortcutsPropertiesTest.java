package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The shortcuts of the server rules give the answers of the general rule they stand for. */
class ServerRuleShortcutsPropertiesTest {

    @Property
    void utf8LengthIsTheLengthOfTheEncodedBytes(@ForAll @StringLength(max = 40) String text) {
        if (RefusedCharacters.indexOf(text) >= 0) {
            return; // unpaired surrogates are refused before any length is counted
        }
        assertThat(Utf8.length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Property
    void utf8LimitAnswersAsTheCountDoes(@ForAll @StringLength(max = 40) String text,
                                        @ForAll @IntRange(min = 0, max = 160) int limit) {
        if (RefusedCharacters.indexOf(text) >= 0) {
            return;
        }
        assertThat(Utf8.exceeds(text, limit)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length > limit);
    }

    @Property
    void digitLimitAnswersAsTheCountOfTheSentTextDoes(@ForAll @IntRange(min = 960, max = 1010) int precision,
                                                      @ForAll @IntRange(min = -1200, max = 1200) int scale,
                                                      @ForAll boolean negative) {
        BigDecimal value = new BigDecimal(BigInteger.TEN.pow(precision - 1).add(BigInteger.valueOf(7))
                .multiply(BigInteger.valueOf(negative ? -1 : 1)), scale);
        long sentDigits = value.toString().chars().filter(Character::isDigit).count();

        assertThat(Decimals.hasTooManyJsonDigits(value)).as(value.toString())
                .isEqualTo(sentDigits > Decimals.MAX_JSON_DIGITS);
        assertThat(Decimals.jsonDigits(value)).isEqualTo(sentDigits);
    }

    @Property
    void roundsToZeroExactlyWhenADoubleReadsTheNumberAsZero(@ForAll @IntRange(min = 1, max = 99) int digits,
                                                           @ForAll @IntRange(min = 300, max = 420) int scale) {
        BigDecimal value = new BigDecimal(BigInteger.valueOf(digits), scale);

        assertThat(Decimals.roundsToZero(value)).as(value.toString())
                .isEqualTo(Double.parseDouble(value.toString()) == 0.0);
    }
}
