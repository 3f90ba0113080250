package io.vlmeta.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top of the command tree: {@code vlmeta <command>}. */
@Command(name = "vlmeta", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        usageHelpWidth = 110,
        description = {
            "Validates per-image custom metadata (CSV, Excel, DICOM sidecars) and uploads it to a Visual Layer "
                    + "dataset. Everything is checked before anything is sent: uploaded metadata cannot be changed."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vlmeta demo",
            "  vlmeta validate --csv metadata.csv --float-fields score --enum-fields status --export-file export.csv",
            "  vlmeta upload --csv metadata.csv --dataset-id abc123 --float-fields score --dry-run",
            "  vlmeta upload --csv metadata.csv --dataset-id abc123 --base-url https://app.visual-layer.com \\",
            "      --float-fields score --enum-fields status   (key and secret from VL_API_KEY, VL_API_SECRET)",
            "",
            "Exit codes: 0 done, 1 server or input failure, 2 usage error, 3 validation failed (nothing uploaded),",
            "4 uploaded with rejected rows, 130 stopped by Ctrl-C or SIGTERM (continue with --resume)."})
final class VlmetaCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: choose one of upload, validate, plan, export, plugins, emulator, demo (try 'vlmeta demo').");
    }
}
