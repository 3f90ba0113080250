package io.vlmeta.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class Hash64Test {

    private static long number(String text) {
        return Hash64.ofValue(new BigDecimal(text));
    }

    @Test
    void equalNumbersHashAlikeWhateverTheirScale() {
        assertThat(number("1.50")).isEqualTo(number("1.5"));
        assertThat(number("100")).isEqualTo(number("1E+2")).isEqualTo(number("100.000"));
        assertThat(number("0")).isEqualTo(number("0.000")).isEqualTo(number("0E+5"));
        assertThat(number("-2.250")).isEqualTo(number("-2.25"));
    }

    @Test
    void numbersBeyondALongHashByTheirDigits() {
        assertThat(number("123456789012345678901234567890.10"))
                .isEqualTo(number("123456789012345678901234567890.1"))
                .isNotEqualTo(number("123456789012345678901234567890.2"));
    }

    @Test
    void differentNumbersHashApart() {
        Set<Long> hashes = new HashSet<>();
        for (String text : List.of("1", "-1", "10", "0.1", "1.5", "15", "0.15", "150", "0", "2", "1.05",
                "9223372036854775807", "9223372036854775808", "-9223372036854775808")) {
            hashes.add(number(text));
        }
        assertThat(hashes).hasSize(14);
    }

    @Test
    void aNumberAndItsTextHashApart() {
        assertThat(number("1.5")).isNotEqualTo(Hash64.ofValue("1.5"));
    }

    @Test
    void listsHashByTheirItemsInOrder() {
        assertThat(Hash64.ofValue(List.of("a", "b"))).isEqualTo(Hash64.ofValue(List.of("a", "b")))
                .isNotEqualTo(Hash64.ofValue(List.of("b", "a")));
    }
}
