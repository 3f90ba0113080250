package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A refusal of what an option was given reads alike whoever refuses it: an option whose value is left out names
 * the value it takes whether the line ends there or another option follows, and a source's refusal of its option
 * ends with where the command's help is, as the parser's own refusals do.
 */
class OptionValueRefusalsTest {
    @TempDir
    Path dir;

    @Test
    void aFileOptionFollowedByAnotherOptionIsRefusedAsOneLeftOutAtTheEnd() {
        CliRun run = CliRun.of(Map.of(), dir, "upload", "--csv", "metadata.csv", "--rejects", "--json");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Error: --rejects needs a value after it: --rejects FILE; '--json' follows it,"
                + " an option, not its value (a value that starts with '-' goes after '=': --rejects=FILE).\n"
                + "Try 'vlmeta upload --help' for more information.\n");
        assertThat(run.out()).isEqualTo("{\"status\":\"error\",\"exit_code\":2,\"error\":\"--rejects needs a value"
                + " after it: --rejects FILE; '--json' follows it, an option, not its value (a value that starts with"
                + " '-' goes after '=': --rejects=FILE).\"}\n");
    }

    @Test
    void everyOptionTakingAValueOfEveryJobCommandIsRefusedSoWhenAnotherOptionFollows() {
        CommandLine whole = Cli.commandLine(new CliContext(Map.of(), new PrintStream(PrintStream.nullOutputStream()),
                new PrintStream(PrintStream.nullOutputStream()), false, dir));
        SoftAssertions softly = new SoftAssertions();
        for (String command : List.of("upload", "validate", "plan", "export")) {
            for (CommandLine.Model.OptionSpec option : whole.getSubcommands().get(command).getCommandSpec().options()) {
                if (option.arity().min() == 0) {
                    continue; // a flag takes no value
                }
                String name = option.longestName();
                CliRun run = CliRun.of(Map.of(), dir, command, name, "--help");

                softly.assertThat(run.exitCode()).as(command + " " + name).isEqualTo(2);
                softly.assertThat(run.err()).as(command + " " + name).startsWith("Error: " + name + " needs a value"
                        + " after it: " + name + " " + option.paramLabel() + "; '--help' follows it, an option, not its"
                        + " value (a value that starts with '-' goes after '=': " + name + "=" + option.paramLabel()
                        + ").\nTry 'vlmeta " + command + " --help' for more information.\n");
            }
        }
        softly.assertAll();
    }

    @Test
    void theCsvSourcesDelimiterAndEncodingRefusalsSayWhereTheHelpIs() {
        CliRun delimiter = CliRun.of(Map.of(), dir, "validate", "--csv", Examples.METADATA.toString(), "--infer",
                "--delimiter", "ab");
        CliRun encoding = CliRun.of(Map.of(), dir, "validate", "--csv", Examples.METADATA.toString(), "--infer",
                "--encoding", "klingon-8");

        assertThat(delimiter.exitCode()).as(delimiter.both()).isEqualTo(2);
        assertThat(delimiter.err()).isEqualTo("Error: Option delimiter takes one of ',', ';', '|' or 'tab'; the value"
                + " given is not one.\nTry 'vlmeta validate --help' for more information.\n");
        assertThat(encoding.exitCode()).as(encoding.both()).isEqualTo(2);
        assertThat(encoding.err()).isEqualTo("Error: Option encoding takes a character set this Java knows, such as"
                + " UTF-8, windows-1252 or ISO-8859-1; the value given is not one.\nTry 'vlmeta validate --help' for"
                + " more information.\n");
    }

    @Test
    void theSidecarSourcesOptionRefusalsSayWhereTheHelpIs() {
        CliRun run = CliRun.of(Map.of(), dir, "validate", "--input", SharedFixtures.DICOM.toString(), "--infer",
                "--field-names", "camel");

        assertThat(run.exitCode()).as(run.both()).isEqualTo(2);
        assertThat(run.err()).endsWith("Error: Option field-names takes keyword or snake; the value given is neither.\n"
                + "Try 'vlmeta validate --help' for more information.\n");
    }
}
