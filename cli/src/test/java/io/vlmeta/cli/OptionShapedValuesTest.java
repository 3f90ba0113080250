package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A word shaped like an option is never taken as the value of the option before it: a mistyped
 * {@code --api-secret} with its secret would otherwise become a column name or a dataset ID, and be echoed in
 * a refusal or sent to the server. It is refused as an unknown option, named without its value.
 */
class OptionShapedValuesTest extends OneRowCsvRefusals {
    private CliRun run(String... args) {
        return CliRun.of(Map.of("VL_API_SECRET", "x"), dir, args);
    }

    @Test
    void aMistypedOptionWhereAnOptionsValueWasExpectedIsAnUnknownOptionNamedWithoutItsValue() throws Exception {
        CliRun glued = run("upload", "--csv", csv, "--dataset-id", "d", "--float-fields", "score",
                "--api-secret" + SECRET, "--api-key", "K", "--json");
        CliRun afterAList = run("upload", "--csv", csv, "--dataset-id", "d", "--string-fields", "a,b",
                "--apisecret", SECRET, "--json");
        CliRun withEquals = run("plan", "--csv", csv, "--float-fields", "score", "--api_secret=" + SECRET);
        CliRun asTheDataset = run("upload", "--csv", csv, "--dataset-id", "--apisecret=" + SECRET, "--float-fields",
                "score", "--dry-run", "--json");

        assertRefused(glued, "Error: Unknown option: '--api-secret...' (an option's value goes after a space or '='), "
                + "where --float-fields's value was expected (a value that starts with '-' goes after '=': "
                + "--float-fields=VALUE)");
        assertRefused(afterAList, "Error: Unknown option: '--apisecret', where --string-fields's value was expected (a "
                + "value that starts with '-' goes after '=': --string-fields=VALUE)");
        assertRefused(withEquals, "Error: Unknown option: '--api_secret', where --float-fields's value was expected (a "
                + "value that starts with '-' goes after '=': --float-fields=VALUE)");
        assertRefused(asTheDataset, "Error: Unknown option: '--apisecret', where --dataset-id's value was expected (a "
                + "value that starts with '-' goes after '=': --dataset-id=VALUE)");
        assertThat(afterAList.err()).contains("Did you mean: --api-secret?");
        ObjectMapper json = new ObjectMapper();
        for (CliRun run : List.of(glued, afterAList, asTheDataset)) {
            assertThat(run.out().lines()).as(run.both()).hasSize(1);
            // the document's error is the line on standard error without its "Error: "
            assertThat("Error: " + json.readTree(run.out()).get("error").asText()).as(run.both())
                    .isEqualTo(run.err().lines().findFirst().orElseThrow());
        }
    }

    @Test
    void aValueStartingWithADashIsTakenWhenGivenAfterEquals() throws Exception {
        Path plan = dir.resolve("p.yaml");
        CliRun run = run("plan", "--csv", csv, "--float-fields", "score", "--dataset-id=-d1x", "-o", plan.toString());

        assertThat(run.exitCode()).as(run.both()).isZero();
        assertThat(Files.readString(plan)).contains("-d1x");
    }

    @Test
    void aValueStartingWithADashAfterASpaceSaysToGiveItAfterEquals() {
        CliRun run = run("plan", "--csv", csv, "--float-fields", "score", "--dataset-id", "-d1x");

        assertRefused(run, "Error: Unknown option: '-...' (an option's value goes after a space or '='), where "
                + "--dataset-id's value was expected (a value that starts with '-' goes after '=': "
                + "--dataset-id=VALUE)");
    }

    @Test
    void aTimeZoneOffsetIsRefusedAsItWasTyped() {
        CliRun run = run("validate", "--csv", csv, "--float-fields", "score", "--timezone", "-25:00");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).as(run.both()).startsWith("Error: --timezone takes a time zone: ");
    }

    @Test
    void valuesStartingWithADashAreStillReadWhereTheyAreValid() {
        for (List<String> value : List.of(List.of("--csv", csv, "--timezone", "-05:00"),
                List.of("--csv", csv, "--timezone=-05:00"), List.of("--csv", "-"))) {
            List<String> args = new java.util.ArrayList<>(List.of("validate", "--float-fields", "score",
                    "--report", dir.resolve("r.html").toString()));
            args.addAll(value);
            CliRun run = CliRun.withInput("file_fullpath,score\na.jpg,1.5\n".getBytes(), Map.of(), dir,
                    args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.both()).isZero();
        }
    }
}
