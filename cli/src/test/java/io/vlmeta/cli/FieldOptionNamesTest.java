package io.vlmeta.cli;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A field option (--field-option, a plan's field-settings.options) that no installed field type reads is refused
 * naming the option and what is read, never its value: the built-in field types read none.
 */
class FieldOptionNamesTest extends OneRowCsvRefusals {
    @Test
    void aFieldOptionNoFieldTypeReadsIsRefusedByItsName() {
        assertRefused(CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--float-fields", "score", "--field-option",
                "scale=" + SECRET), "Error: Unknown --field-option 'scale': no installed field type reads options; "
                + "remove it, or add the field type that reads it with --plugins-dir.");
    }

    @Test
    void aPlansFieldOptionNoFieldTypeReadsIsRefusedAsItsKey() throws Exception {
        Files.writeString(dir.resolve("p.yaml"), "version: 1\ninput:\n  path: m.csv\ncolumns:\n  - name: score\n"
                + "    type: float\nfield-settings:\n  options:\n    scael: " + SECRET + "\n");

        assertRefused(CliRun.of(Map.of(), dir, "validate", "--plan", dir.resolve("p.yaml").toString()), "Error: Plan "
                + dir.resolve("p.yaml") + ", line 9, field-settings.options.scael: unknown option; no installed field type "
                + "reads options; remove it, or add the field type that reads it with --plugins-dir.");
    }
}
