package io.vlmeta.cli;

import io.vlmeta.engine.JobSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vlmeta upload}: validate everything, then upload (or, with {@code --dry-run}, write the report). */
@Command(name = "upload", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpWidth = 110,
        description = {"Validates the metadata file, then uploads each field to the dataset. Nothing is sent "
                + "when any value is invalid. The reference upload script's command lines work unchanged."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  # The reference script's example, on an on-premises server:",
            "  vlmeta upload --csv metadata.csv --dataset-id abc123 --base-url http://localhost:8080 \\",
            "      --string-fields notes --float-fields score --datetime-fields created_at \\",
            "      --enum-fields status --multi-enum-fields tags --link-fields pdf_url",
            "",
            "  # Cloud: key and secret from the environment",
            "  export VL_API_KEY=... VL_API_SECRET=...",
            "  vlmeta upload --csv metadata.csv --dataset-id abc123 --base-url https://app.visual-layer.com --infer",
            "",
            "  # See what would be sent, with charts, without sending anything:",
            "  vlmeta upload --csv metadata.csv --dataset-id abc123 --infer --dry-run --report report.html",
            "",
            "Environment: VL_BASE_URL, VL_API_KEY, VL_API_SECRET, VL_DATASET_ID (flags win).",
            "Exit codes: 0 done, 1 server or input failure, 2 usage error, 3 validation failed (nothing uploaded),",
            "4 uploaded with rejected rows, 130 stopped by Ctrl-C or SIGTERM (continue with --resume)."})
final class UploadCommand extends JobCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "Validate and write the report of what would be sent; send nothing.")
    boolean dryRun;

    UploadCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        return run(dryRun ? JobSpec.Mode.DRY_RUN : JobSpec.Mode.UPLOAD);
    }
}
