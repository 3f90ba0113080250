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
    void aNumberWhoseZerosStripBelowALongHashesAsThatLong() {
        assertThat(number("100000000000000000000000")).isEqualTo(number("1E+23"));
        assertThat(number("12.5000000000000000000000000")).isEqualTo(number("12.5"));
        assertThat(number("-9223372036854775808")).isEqualTo(number("-9223372036854775808.000"));
    }

    @Test
    void textsThatDifferInOneCharHashApart() {
        String base = "images/shard-0042/img-0421234.jpg, seen from camera 7 \u00e9";
        Set<Long> hashes = new HashSet<>();
        hashes.add(Hash64.of(base));
        for (int i = 0; i < base.length(); i++) {
            for (char other : new char[] {'\u0000', 'x', '\u8000', (char) (base.charAt(i) ^ 0x8000)}) {
                StringBuilder changed = new StringBuilder(base);
                changed.setCharAt(i, other);
                if (!changed.toString().equals(base)) {
                    hashes.add(Hash64.of(changed));
                }
            }
        }
        assertThat(hashes).hasSize(1 + base.length() * 4 - (int) base.chars().filter(c -> c == 'x').count());
    }

    @Test
    void textsThatDifferInLengthOrOrderHashApart() {
        assertThat(Set.of(Hash64.of(""), Hash64.of("\u0000"), Hash64.of("\u0000\u0000"), Hash64.of("\u0000\u0000\u0000\u0000"),
                Hash64.of("abcd"), Hash64.of("dcba"), Hash64.of("abcdabcd"), Hash64.of("abcdabce"),
                Hash64.of("aaa\u8000aaa\u8000"), Hash64.of("aaa\u0000aaa\u0000"))).hasSize(10);
    }

    @Test
    void manyGeneratedTextsHashApart() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            hashes.add(Hash64.of("images/shard-" + (i / 10_000) + "/img-" + i + ".jpg"));
            hashes.add(Hash64.of("CAM-" + i));
        }
        assertThat(hashes).hasSize(400_000);
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
