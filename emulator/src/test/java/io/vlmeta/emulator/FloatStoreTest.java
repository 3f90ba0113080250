package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatStoreTest {

    @Test
    void givesBackExactlyTheDigitsSentWithAndWithoutExponent() throws IOException {
        List<String> numbers = List.of("0.8519", "2820.6", "0", "-0", "-0.0", "1.50", "100", "-12.000",
                "123456789012345678", "-1234567890123456.78", "1234567890123456789", "0.000000000000000001",
                "9007199254740993", "0.1", "1e3", "1.0E-4", "-2.5e+10", "1E+2", "123456789.123456789123",
                "4.35", "1e-300", "4.9E-324", "0.30000000000000004");
        FloatStore store = new FloatStore(numbers.size());

        for (int i = 0; i < numbers.size(); i++) {
            assertThat(store.accept(i, Jsons.uploaded(numbers.get(i)))).as(numbers.get(i)).isNull();
        }

        for (int i = 0; i < numbers.size(); i++) {
            BigDecimal sent = new BigDecimal(numbers.get(i));
            BigDecimal kept = (BigDecimal) store.value(i);
            assertThat(kept.unscaledValue()).as(numbers.get(i)).isEqualTo(sent.unscaledValue());
            assertThat(kept.scale()).as(numbers.get(i)).isEqualTo(sent.scale());
        }
    }

    @Test
    void givesBackExactlyTheDigitsOfRandomNumbers() throws IOException {
        Random random = new Random(5);
        FloatStore store = new FloatStore(10_000);
        String[] texts = new String[10_000];
        for (int i = 0; i < texts.length; i++) {
            String digits = Long.toString((random.nextLong() >>> 1) >>> random.nextInt(63));
            int point = random.nextInt(digits.length() + 1);
            texts[i] = (random.nextBoolean() ? "-" : "") + (point == 0 || point == digits.length() ? digits
                    : digits.substring(0, point) + "." + digits.substring(point));
            assertThat(store.accept(i, Jsons.uploaded(texts[i]))).as(texts[i]).isNull();
        }

        for (int i = 0; i < texts.length; i++) {
            assertThat(store.value(i)).as(texts[i]).isEqualTo(new BigDecimal(texts[i]));
        }
    }

    @Test
    void refusesNumbersBeyondADoubleAndValuesThatAreNotNumbers() throws IOException {
        FloatStore store = new FloatStore(2);

        assertThat(store.accept(0, Jsons.uploaded("1e400"))).isEqualTo("Number '1e400' is out of range for a float");
        assertThat(store.accept(0, Jsons.uploaded("\"1.5\""))).isEqualTo("Expected Number, got String");
        assertThat(store.has(0)).isFalse();
    }

    @Test
    void refusesNumbersOtherThanZeroThatADoubleHoldsAsZeroAndKeepsTheSmallestSubnormal() throws IOException {
        FloatStore store = new FloatStore(5);

        assertThat(store.accept(0, Jsons.uploaded("1e-400"))).isEqualTo("Number '1e-400' is out of range for a float");
        assertThat(store.accept(0, Jsons.uploaded("-2.4703282292062327e-324")))
                .isEqualTo("Number '-2.4703282292062327e-324' is out of range for a float");
        assertThat(store.accept(0, Jsons.uploaded("1e-99999999999")))
                .isEqualTo("Number '1e-99999999999' is out of range for a float");
        assertThat(store.has(0)).isFalse();
        assertThat(store.accept(1, Jsons.uploaded("4.9E-324"))).isNull();
        assertThat(store.accept(2, Jsons.uploaded("2.4703282292062328e-324"))).isNull();
        assertThat(store.accept(3, Jsons.uploaded("0E-400"))).isNull();
        assertThat(store.accept(4, Jsons.uploaded("-0.0e-5"))).isNull();
        assertThat(store.value(1)).isEqualTo(new BigDecimal("4.9E-324"));
        assertThat(store.value(3)).isEqualTo(new BigDecimal("0E-400"));
    }
}
