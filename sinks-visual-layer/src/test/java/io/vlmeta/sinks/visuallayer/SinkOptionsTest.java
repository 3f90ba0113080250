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
    void everyOptionTheSinkListsIsOneItReads() {
        // the list is what the engine checks names against: a name listed but not read would pass silently
        assertThat(SinkOptions.NAMES).hasSize(11);
        for (String name : SinkOptions.NAMES) {
            Requests requests = new Requests("http://localhost:1", "ds", dir);
            requests.options.put(name, "soon");

            assertThatThrownBy(() -> SinkOptions.from(requests.build())).isInstanceOf(VlmetaException.class)
                    .hasMessage("Sink option '" + name + "' must be " + (name.equals("one-file-per-field")
                            ? "true or false" : "a whole number from 1 to 2147483647") + ", not 'soon'.");
        }
    }

    @Test
    void anOptionAPlanSetIsRefusedAsThePlansKeyNotAsASinkOptionFlagAndWithoutItsValue() {
        Map<String, String> options = Map.of("retry-max-attempts", "S3CRET", "queued-batches", "0");
        Map<String, String> origins = Map.of("retry-max-attempts", "Plan p.yaml, upload.sink-options.retry-max-attempts",
                "one-file-per-field", "Plan p.yaml, upload.sink-options.one-file-per-field");

        assertThatThrownBy(() -> VisualLayerSinkProvider.checkOptionValues(options, origins))
                .isInstanceOf(VlmetaException.class).hasMessage("Plan p.yaml, upload.sink-options.retry-max-attempts: "
                        + "not a whole number from 1 to 2147483647.");
        assertThatThrownBy(() -> VisualLayerSinkProvider.checkOptionValues(Map.of("one-file-per-field", "S3CRET"),
                origins)).hasMessage("Plan p.yaml, upload.sink-options.one-file-per-field: not true or false.");
        assertThatThrownBy(() -> VisualLayerSinkProvider.checkOptionValues(Map.of("queued-batches", "0"), origins))
                .hasMessage("Sink option 'queued-batches' must be a whole number from 1 to 2147483647, not '0'.");
    }

    @Test
    void aNumberOutsideTheAcceptedRangeIsRefusedNamingTheRange() {
        for (String value : new String[] {"2147483648", "0", "99999999999999999999"}) {
            Requests requests = new Requests("http://localhost:1", "ds", dir);
            requests.options.put("connect-timeout-ms", value);

            assertThatThrownBy(() -> SinkOptions.from(requests.build())).isInstanceOf(VlmetaException.class)
                    .hasMessage("Sink option 'connect-timeout-ms' must be a whole number from 1 to 2147483647, not '"
                            + value + "'.");
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
