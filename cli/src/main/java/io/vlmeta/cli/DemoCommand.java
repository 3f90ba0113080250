package io.vlmeta.cli;

import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vlmeta demo}: the whole workflow on one machine. Starts the embedded emulator with a demo
 * dataset, uploads {@code examples/metadata.csv} with all six field types through the real
 * {@code upload} command, and shows how to run the same against a real server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs a complete upload against a local Visual Layer emulator: examples/metadata.csv "
                + "(all six field types) into a demo dataset. Nothing leaves this machine."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./vlmeta demo", "  java -jar cli/target/vlmeta.jar demo --port 2080"})
final class DemoCommand implements Callable<Integer> {
    static final String DATASET = "demo-dataset";
    /** The examples' columns and the flags that type them, as the reference script takes them. */
    static final List<String> FIELD_FLAGS = List.of("--string-fields", "caption", "--float-fields", "confidence",
            "--datetime-fields", "captured_at", "--enum-fields", "weather", "--multi-enum-fields", "tags",
            "--link-fields", "reference_url");

    @Option(names = "--port", paramLabel = "PORT", description = "The emulator's port (default: a free one).")
    int port;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Style style = new Style(context.terminal());
        DemoExamples examples = DemoExamples.locate(Path.of("").toAbsolutePath());
        List<String> filenames = examples.filenames();
        Path stateDir = Files.createTempDirectory("vlmeta-demo-state");
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().port(port).build())) {
            emulator.addDataset(DATASET, filenames);
            context.out().println(style.mark("🎬") + "vlmeta demo: a local Visual Layer emulator and "
                    + (examples.bundled() ? "the bundled examples" : "examples/"));
            context.out().println("   Emulator: " + emulator.baseUrl() + ", dataset '" + DATASET + "' with "
                    + filenames.size() + " images (" + examples.files() + ")");
            List<String> args = new ArrayList<>(List.of("upload", "--csv", examples.metadata().toString(),
                    "--dataset-id", DATASET, "--base-url", emulator.baseUrl()));
            args.addAll(FIELD_FLAGS);
            context.out().println("   Running: vlmeta " + String.join(" ", args));
            context.out().println();
            args.addAll(List.of("--state-dir", stateDir.toString()));
            int exit = Cli.commandLine(context.insideDemo()).execute(args.toArray(String[]::new));
            context.out().println();
            if (exit == 0) {
                context.out().println(style.mark("🔎") + "The emulator now holds: " + schema(emulator));
            }
            hint(style, examples);
            return exit;
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private static String schema(Emulator emulator) {
        return emulator.schema(DATASET).stream()
                .map(DemoCommand::describeField).sorted().collect(Collectors.joining(", "));
    }

    private static String describeField(Map<String, Object> field) {
        Object type = field.get("field_type");
        boolean multi = Boolean.TRUE.equals(field.get("is_multi"));
        return field.get("field_name") + " (" + type + (multi ? ", multi" : "") + ")";
    }

    private void hint(Style style, DemoExamples examples) {
        String csv = examples.bundled() ? "metadata.csv" : examples.metadata().toString();
        context.out().println(style.mark("👉") + "To run the same against a real Visual Layer server:");
        context.out().println("   export VL_API_KEY=<your key> VL_API_SECRET=<your secret>");
        context.out().println("   ./vlmeta upload --csv " + csv + " --dataset-id <your dataset id> \\");
        context.out().println("       --base-url https://app.visual-layer.com \\");
        context.out().println("       " + String.join(" ", FIELD_FLAGS.subList(0, 6)) + " \\");
        context.out().println("       " + String.join(" ", FIELD_FLAGS.subList(6, 12)));
        context.out().println("   Add --dry-run --report report.html first to see what would be sent, with charts.");
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A leftover temporary folder is harmless.
        }
    }
}
