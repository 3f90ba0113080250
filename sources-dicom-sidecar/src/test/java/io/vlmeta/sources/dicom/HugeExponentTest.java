package io.vlmeta.sources.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.RawValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DS or IS number whose exponent is beyond an int (no {@code BigDecimal} holds it) is read as the
 * text written, for the field type to refuse with its message, instead of stopping the job with a trace.
 */
class HugeExponentTest {
    @TempDir
    Path dir;

    @Test
    void readsAJsonModelNumberWithAnExponentBeyondAnIntAsItsText() throws Exception {
        Files.writeString(dir.resolve("a.dcm.json"), """
                {"00180050": {"vr": "DS", "Value": [1e-2147483649]}, "00200013": {"vr": "IS", "Value": [3]}}
                """);

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.problems()).isEmpty();
        assertThat(run.records()).hasSize(1);
        RawValue thickness = run.records().get(0).value("SliceThickness");
        assertThat(thickness.display()).isEqualTo("1e-2147483649");
    }

    @Test
    void readsAFlatSidecarNumberWithAnExponentBeyondAnIntAsItsText() throws Exception {
        Files.writeString(dir.resolve("a.json"), "{\"SliceThickness\": -1e+2147483648, \"InstanceNumber\": 3}\n");

        SourceRun run = SourceRun.of(dir, Map.of());

        assertThat(run.problems()).isEmpty();
        assertThat(run.records().get(0).value("SliceThickness").display()).isEqualTo("-1e+2147483648");
    }
}
