package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsShortFormsAndIso8601() {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(converter.convert("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("PT45M")).isEqualTo(Duration.ofMinutes(45));
        assertThat(converter.convert("pt1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusesAnythingElseWithTheAcceptedForms() {
        assertThatThrownBy(() -> converter.convert("half an hour"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessage("'half an hour' is not a duration: write e.g. 90s, 30m, 2h or PT30M");
    }

    @Test
    void anIsoDurationOfMoreThanADurationHoldsIsTooLongAsTheShortFormsAre() {
        for (String value : new String[] {"PT99999999999999999999H", "PT9223372036854775807H", "P999999999999999D"}) {
            assertThatThrownBy(() -> converter.convert(value)).isInstanceOf(ArithmeticException.class)
                    .hasMessage("too long a duration");
        }
    }
}
