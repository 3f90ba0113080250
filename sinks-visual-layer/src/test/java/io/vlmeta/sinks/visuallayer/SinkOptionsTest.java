package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SinkOptionsTest {
    @TempDir
    Path dir;

    @Test
    void everyOptionTheSinkListsIsOneItReadsAndItsRefusalDoesNotShowTheValue() {
        // the list is what the engine checks names against: a name listed but not read would pass silently
        assertThat(SinkOptions.NAMES).hasSize(11);
        for (String name : SinkOptions.NAMES) {
            Requests requests = new Requests("http://localhost:1", "ds", dir);
            requests.options.put(name, "S3CRq-token");

            assertThatThrownBy(() -> SinkOptions.from(requests.build())).isInstanceOf(VlmetaException.class)
                    .hasMessage("Sink option '" + name + "' " + (name.equals("one-file-per-field")
                            ? "takes true or false; the value given is neither."
                            : "takes a whole number from 1 to 2147483647, in the digits 0-9; the value given is not "
                                    + "one."))
                    .message().doesNotContain("S3CRq");
        }
    }

    @Test
    void digitsOfOtherScriptsAndNumbersWithOtherMarksAreRefusedWithoutShowingThem() {
        // Arabic-Indic and full-width digits, which Long.parseLong takes, a fraction, a thousands separator
        for (String value : new String[] {"\u0663\u0660", "\uFF13\uFF10", "30.5", "30,000", "3e4", "0x1F", ""}) {
            Requests requests = new Requests("http://localhost:1", "ds", dir);
            requests.options.put("retry-max-attempts", value);

            assertThatThrownBy(() -> SinkOptions.from(requests.build())).as(value).isInstanceOf(VlmetaException.class)
                    .hasMessage("Sink option 'retry-max-attempts' takes a whole number from 1 to 2147483647, in the "
                            + "digits 0-9; the value given is not one.");
        }
    }

    @Test
    void aNumberInPlainDigitsIsReadWithSpaceAroundIt() {
        Requests requests = new Requests("http://localhost:1", "ds", dir);
        requests.options.put("retry-max-attempts", " 7 ");
        requests.options.put("one-file-per-field", " TRUE ");

        SinkOptions options = SinkOptions.from(requests.build());

        assertThat(options.retryMaxAttempts()).isEqualTo(7);
        assertThat(options.oneFilePerField()).isTrue();
    }

    @Test
    void anOptionAPlanSetIsRefusedAsThePlansKeyNotAsASinkOptionFlagAndWithoutItsValue() {
        Map<String, String> options = Map.of("retry-max-attempts", "S3CRET", "queued-batches", "0");
        Map<String, String> origins = Map.of("retry-max-attempts", "Plan p.yaml, upload.sink-options.retry-max-attempts",
                "one-file-per-field", "Plan p.yaml, upload.sink-options.one-file-per-field");

        assertThatThrownBy(() -> new VisualLayerSinkProvider().checkOptionValues(options, origins))
                .isInstanceOf(VlmetaException.class).hasMessage("Plan p.yaml, upload.sink-options.retry-max-attempts: "
                        + "not a whole number from 1 to 2147483647, in the digits 0-9.");
        assertThatThrownBy(() -> new VisualLayerSinkProvider().checkOptionValues(Map.of("one-file-per-field", "S3CRET"),
                origins)).hasMessage("Plan p.yaml, upload.sink-options.one-file-per-field: not true or false.");
        assertThatThrownBy(() -> new VisualLayerSinkProvider().checkOptionValues(Map.of("queued-batches", "0"), origins))
                .hasMessage("Sink option 'queued-batches' must be a whole number from 1 to 2147483647; the value given "
                        + "is 0.");
    }

    @Test
    void aNumberOutsideTheAcceptedRangeIsRefusedNamingTheRangeInOptionRangesWords() {
        // a value that reads as a number is a setting, named back as OptionRanges names every number out of range
        for (String value : new String[] {"2147483648", "0", "-5"}) {
            Requests requests = new Requests("http://localhost:1", "ds", dir);
            requests.options.put("connect-timeout-ms", value);

            assertThatThrownBy(() -> SinkOptions.from(requests.build())).isInstanceOf(VlmetaException.class)
                    .hasMessage("Sink option 'connect-timeout-ms' must be a whole number from 1 to 2147483647; the "
                            + "value given is " + value + ".");
        }
    }

    @Test
    void aNumberBeyondWhatALongHoldsIsSaidToBeTooLargeOrTooSmall() {
        for (String value : new String[] {"99999999999999999999", "-99999999999999999999"}) {
            Requests requests = new Requests("http://localhost:1", "ds", dir);
            requests.options.put("connect-timeout-ms", value);

            assertThatThrownBy(() -> SinkOptions.from(requests.build())).isInstanceOf(VlmetaException.class)
                    .hasMessage("Sink option 'connect-timeout-ms' must be a whole number from 1 to 2147483647; the "
                            + "value given is too " + (value.startsWith("-") ? "small." : "large."));
        }
    }

    @Test
    void theProviderListsTheSameNames() {
        assertThat(new VisualLayerSinkProvider().optionNames()).contains(SinkOptions.NAMES);
    }

    @Test
    void pollsATaskFiftyMillisecondsAfterItsFirstAnswerThenBacksOffToTheLongestPause() {
        Requests requests = new Requests("http://localhost:1", "ds", dir);
        requests.options.clear();
        SinkOptions defaults = SinkOptions.from(requests.build());

        assertThat(defaults.pollInterval()).isEqualTo(java.time.Duration.ofMillis(50));
        assertThat(defaults.pollMaxInterval()).isEqualTo(java.time.Duration.ofSeconds(15));
    }
}
