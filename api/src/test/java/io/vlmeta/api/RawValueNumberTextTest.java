package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RawValueNumberTextTest {

    @ParameterizedTest
    @CsvSource({"0.5, 0.5", "42, 42", "4.2E+1, 42", "-0.00012, -0.00012", "1e999999999, 1E+999999999",
        "-1e-999999999, -1E-999999999", "1E+1024, 1E+1024", "-1.5e-1021, -1.5E-1021"})
    void writesPlainDigitsAndSwitchesToENotationPastTheLimit(String cell, String expected) {
        // a cell of 1e999999999 in plain digits would be a gigabyte of zeros
        assertThat(new RawValue.Number(new BigDecimal(cell)).display()).isEqualTo(expected);
    }

    @Test
    void writesPlainDigitsUpToExactlyTheLimit() {
        String integer = RawValue.Number.text(new BigDecimal("1E+1023"));
        String fraction = RawValue.Number.text(new BigDecimal("1.5e-1021"));

        assertThat(integer).isEqualTo("1" + "0".repeat(1023)).hasSize(RawValue.Number.MAX_PLAIN_LENGTH);
        assertThat(fraction).isEqualTo("0." + "0".repeat(1020) + "15").hasSize(RawValue.Number.MAX_PLAIN_LENGTH);
    }
}
