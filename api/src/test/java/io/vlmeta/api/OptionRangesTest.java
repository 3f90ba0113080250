package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OptionRangesTest {
    /** @return the refusal's message, after checking it is the user's mistake */
    private static String refusal(Executable check) {
        VlmetaException e = catchThrowableOfType(check::execute, VlmetaException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.USER);
        return e.getMessage();
    }

    @Test
    void aWholeNumberBelowTheLeastIsRefusedNamingTheOptionTheLeastAndTheNumber() {
        assertThat(refusal(() -> OptionRanges.atLeast("--retry-after", -1, 0)))
                .isEqualTo("--retry-after must be a whole number of at least 0; the value given is -1.");
        assertThat(refusal(() -> OptionRanges.atLeast("Plan p.yaml: upload.batch-size", 0, 1)))
                .isEqualTo("Plan p.yaml: upload.batch-size must be a whole number of at least 1; the value given is 0.");
        assertThatCode(() -> OptionRanges.atLeast("--retry-after", 0, 0)).doesNotThrowAnyException();
    }

    @Test
    void aWholeNumberOutsideTheRangeIsRefusedNamingBothEnds() {
        assertThat(refusal(() -> OptionRanges.between("--port", 70_000, 0, 65_535)))
                .isEqualTo("--port must be a whole number from 0 to 65535; the value given is 70000.");
        assertThat(refusal(() -> OptionRanges.between("--fail-nth's STATUS", 399, 400, 599)))
                .isEqualTo("--fail-nth's STATUS must be a whole number from 400 to 599; the value given is 399.");
        assertThatCode(() -> OptionRanges.between("--port", 65_535, 0, 65_535)).doesNotThrowAnyException();
    }

    @Test
    void aShareOutsideZeroToOneIsRefusedWithTheNumberAsTyped() {
        assertThat(refusal(() -> OptionRanges.fraction("--drop-fraction", 2.0)))
                .isEqualTo("--drop-fraction must be a number from 0 to 1; the value given is 2.");
        assertThat(refusal(() -> OptionRanges.fraction("--drop-fraction", -0.25)))
                .isEqualTo("--drop-fraction must be a number from 0 to 1; the value given is -0.25.");
        assertThat(refusal(() -> OptionRanges.fraction("--drop-fraction", Double.NaN)))
                .isEqualTo("--drop-fraction must be a number from 0 to 1; the value given is NaN.");
        assertThatCode(() -> OptionRanges.fraction("--drop-fraction", 1)).doesNotThrowAnyException();
    }

    @Test
    void aDurationOutOfRangeIsRefusedInMilliseconds() {
        assertThat(refusal(() -> OptionRanges.notNegative("--delay", Duration.ofSeconds(-1))))
                .isEqualTo("--delay must be a duration of zero or more, e.g. 500ms or 30s; the value given is -1000 ms.");
        assertThat(refusal(() -> OptionRanges.positive("--max-token-age", Duration.ZERO)))
                .isEqualTo("--max-token-age must be a duration longer than zero, e.g. 30s; the value given is 0 ms.");
        assertThatCode(() -> OptionRanges.notNegative("--delay", Duration.ZERO)).doesNotThrowAnyException();
    }
}
