package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An option of another command given to a command that does not take it: named once however often it was
 * given, and followed by the command's own option it was likely meant for.
 */
class AnotherCommandsOptionTest extends OneRowCsvRefusals {

    @Test
    void anotherCommandsOptionThatBeginsOneOfTheCommandsOwnSuggestsThatOne() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--dataset", "d1");

        assertRefused(run, "Error: Unknown option: '--dataset' (emulator takes it, not validate)");
        assertThat(run.err()).contains("Did you mean: --dataset-id?");
    }

    @Test
    void anOptionGivenTwiceToTheWrongCommandIsNamedOnce() {
        CliRun run = CliRun.of(Map.of(), dir, "export", "--dry-run", "--dry-run", "--dataset-id", "d");

        assertRefused(run, "Error: Unknown option: '--dry-run' (upload takes it, not export)");
    }

    @Test
    void anotherCommandsShortOptionIsNamedWithTheCommandsThatTakeIt() {
        CliRun run = CliRun.of(Map.of(), dir, "upload", "--csv", csv, "--dataset-id", "d", "-o", "out.csv");

        assertRefused(run, "Error: Unknown option: '-o' (export and plan take it, not upload)");
    }

    @Test
    void anotherCommandsOptionWithAValueAfterEqualsIsNamedWithTheCommandsThatTakeItButNotTheValue() {
        for (String word : new String[] {"-o=" + SECRET, "--output=" + SECRET}) {
            CliRun run = CliRun.of(Map.of(), dir, "upload", "--csv", csv, "--dataset-id", "d", word);

            assertRefused(run, "Error: Unknown option: '" + word.substring(0, word.indexOf('='))
                    + "' (export and plan take it, not upload)");
        }
        CliRun dataset = CliRun.of(Map.of(), dir, "validate", "--csv", csv, "--dataset=" + SECRET);
        assertRefused(dataset, "Error: Unknown option: '--dataset' (emulator takes it, not validate)");
        assertThat(dataset.err()).contains("Did you mean: --dataset-id?");
    }

    @Test
    void aShortOptionWithTextAttachedIsNotNamedAsAnotherCommandsOption() {
        CliRun run = CliRun.of(Map.of(), dir, "upload", "--csv", csv, "--dataset-id", "d", "-o" + SECRET);

        assertRefused(run, "Error: Unknown option: '-...' (an option's value goes after a space or '=')");
    }
}
