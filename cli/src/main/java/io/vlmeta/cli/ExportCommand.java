package io.vlmeta.cli;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SinkRequest;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.engine.OptionNames;
import io.vlmeta.engine.Plugins;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vlmeta export}: saves a dataset's media export (file name to media id) through the
 * {@code visual-layer} sink, so {@code validate --export-file} and dry runs can map paths offline. Standard
 * output gets the saved file's path, or with {@code --json} one document: {@link ExportSummary}, or the refusal
 * as the jobs write theirs ({@link JsonSummary#printError}), or the {@code stopped} document of a Ctrl-C or
 * SIGTERM, which ends the export at once ({@link EarlySignals}).
 */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpWidth = 110,
        description = {"Saves the dataset's media export (each media item's file name and media id) to a CSV "
                + "file, so that 'vlmeta validate --export-file FILE' checks every path offline. Sends no metadata."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vlmeta export --dataset-id abc123 -o export_media_id.csv",
            "  vlmeta validate --csv metadata.csv --infer --export-file export_media_id.csv",
            "  vlmeta export --dataset-id abc123 -o export_media_id.csv --json   # one JSON document on stdout",
            "",
            "Environment: VL_BASE_URL, VL_API_KEY, VL_API_SECRET, VL_DATASET_ID (flags win).",
            "Exit codes: 0 saved, 1 server failure or unwritable file, 2 usage error, 3 no such dataset, "
                    + "130 stopped (Ctrl-C, SIGTERM)."})
final class ExportCommand implements Callable<Integer> {
    /** The sink whose export is saved. */
    static final String SINK = "visual-layer";

    @Option(names = "--dataset-id", paramLabel = "ID", description = "The dataset (or VL_DATASET_ID).")
    String datasetId;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to save the export (default: export_media_id-ID.csv in the current folder).")
    Path output;

    @Option(names = "--json", description = "Print one JSON document on stdout (the file saved, the error, or the "
            + "stop) and nothing else there; the other lines go to stderr.")
    boolean json;

    @Option(names = "--sink-option", paramLabel = "KEY=VALUE",
            description = "An option of the Visual Layer sink, as upload takes it, e.g. connect-timeout-ms=3000.")
    Map<String, String> sinkOptions = new java.util.LinkedHashMap<>();

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    PluginDirs pluginDirs = new PluginDirs();

    private final CliContext context;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            return export();
        } catch (VlmetaException e) {
            if (json) {
                // a script that asked for JSON reads standard output only: the refusal is a document there too
                JsonSummary.printError(e.getMessage(), e.code().exitCode(), context.out());
            }
            throw e;
        }
    }

    private int export() {
        String url = server.url(context);
        String dataset = JobSpecs.firstOf(datasetId, context.env("VL_DATASET_ID").orElse(null), null);
        if (dataset == null) {
            throw VlmetaException.usage("No dataset given: pass --dataset-id (or set VL_DATASET_ID).");
        }
        JobSpecs.Credentials credentials = server.credentials(context);
        Path target = output != null ? output : Path.of(defaultFileName(dataset));
        ExportTarget.check(target, json); // before the server is asked anything
        SinkRequest request = new SinkRequest(url, dataset, credentials.apiKey(),
                credentials.apiSecret(), 1, 1, Duration.ofMinutes(30), Path.of(".vlmeta"), false, null, "path",
                io.vlmeta.api.JobKey.of("export:" + dataset), null, sinkOptions, line -> context.err().println(line), Cancellation.NEVER);
        Plugins plugins = Plugins.discover(pluginDirs.folders(context));
        SinkProvider provider = plugins.sink(SINK);
        // as upload refuses them: a mistyped name would otherwise leave the default the user meant to change
        OptionNames.checkSinks(List.of(provider), sinkOptions);
        long media;
        // opening reads the option values and asks nothing of the server: refusals come before the line below
        try (Sink sink = provider.open(request)) {
            context.err().println("Fetching the media export of dataset " + dataset + "...");
            media = sink.saveExport(target);
        }
        context.err().printf(Locale.ROOT, "Saved %,d media of dataset %s to %s%n", media, dataset, target);
        context.err().println("Check paths offline with: " + context.program() + " validate --export-file "
                + ResumeCommand.quote(target.toString()) + " ...");
        if (!json) {
            context.out().println(target);
        } else if (!JsonSummary.printExport(new ExportSummary(target.toAbsolutePath().normalize(), media, dataset,
                url), context.out())) {
            // the export is saved; a script reading the JSON does not know it
            context.err().println("Error: standard output did not take the whole JSON document (a full disk, or a "
                    + "reader that stopped reading); the export itself was saved to " + target + ".");
            return 1;
        }
        return 0;
    }

    /** @return {@code export_media_id-ID.csv}, with characters a file name cannot hold replaced by '_' */
    static String defaultFileName(String dataset) {
        return "export_media_id-" + dataset.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }
}
