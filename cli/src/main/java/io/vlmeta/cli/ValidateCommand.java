package io.vlmeta.cli;

import io.vlmeta.engine.JobSpec;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vlmeta validate}: everything up to the gate, offline. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpWidth = 110,
        description = {"Checks every value and writes the report; never talks to the server. With --export-file "
                + "(the dataset's export) every path is checked against the dataset too; without it paths are "
                + "not checked, and the output says so."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vlmeta validate --csv metadata.csv --float-fields score --enum-fields status",
            "  vlmeta validate --csv metadata.csv --infer --export-file export_media_id.csv --report check.html",
            "  vlmeta validate --input book.xlsx --sheet metadata --datetime-fields taken --json",
            "",
            "Exit codes: 0 valid, 1 input unreadable, 2 usage error, 3 validation failed."})
final class ValidateCommand extends JobCommand implements Callable<Integer> {

    ValidateCommand(CliContext context) {
        super(context);
    }

    @Override
    public Integer call() {
        // the flags only an upload reads are named once, after the base URL is checked (see JobCommand)
        return run(JobSpec.Mode.VALIDATE);
    }
}
