package io.vlmeta.cli;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.FileDrafts;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.api.WriteTargets;
import io.vlmeta.engine.JobListener;
import io.vlmeta.engine.JobPlan;
import io.vlmeta.engine.JobRunner;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.engine.Plugins;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vlmeta plan}: decides the job (with {@code --infer}, after reading every value) and writes it
 * as YAML for review; {@code upload --plan FILE} then runs exactly it. The YAML goes to standard output
 * unless {@code -o FILE} names a file, so it can be piped or redirected like any other output; what
 * was decided, and why, goes to standard error. With {@code --json} standard output gets one document instead:
 * {@link PlanSummary}, the plan's YAML inside it, or the refusal as the jobs write theirs
 * ({@link JsonSummary#printError}).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpWidth = 110,
        description = {"Plans the job without validating or sending anything: which source reads the input, "
                + "which column becomes which field type and why, the settings, the dataset and server. Writes it "
                + "as YAML (standard output, or -o FILE) to review, then run with 'upload --plan FILE'. The plan "
                + "never holds a secret: key and secret come from the environment or flags when it runs."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vlmeta plan --csv metadata.csv --dataset-id abc123 --infer -o plan.yaml",
            "  vlmeta plan --input dicom/ --infer --columns 'Study*,Modality' --exclude-columns 'StudyID' -o plan.yaml",
            "  vlmeta upload --plan plan.yaml --dry-run      # rehearse the reviewed plan",
            "  vlmeta upload --plan plan.yaml                # then run exactly it",
            "  vlmeta plan --csv metadata.csv --infer --json | jq -r .plan > plan.yaml   # one JSON document on stdout",
            "",
            "Exit codes: 0 plan written, 1 input unreadable, 2 usage error, 130 stopped (Ctrl-C, SIGTERM)."})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    JobOptions options = new JobOptions();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the plan to this file (default: standard output).")
    Path output;

    @Spec
    CommandSpec commandSpec;

    /** Options of one run rather than of the job: accepted for symmetry with upload, but not written down. */
    private static final List<String> PER_RUN = List.of("--report", "--resume", "--state-dir", "--rejects",
            "--plugins-dir");

    private final CliContext context;

    PlanCommand(CliContext context) {
        this.context = context;
    }

    /**
     * What plan's help says of {@code --json}, which it reads through {@link JobOptions} as the jobs do.
     *
     * <p>Without {@code -o} the document holds the plan itself (its {@code plan}, the YAML as text): {@code --json}
     * promises one document on standard output however the run ends, and standard output is where a plan without
     * {@code -o} goes, so the plan goes into the document rather than beside it (where a script would read YAML
     * and JSON run together) or nowhere (a refusal asking for {@code -o} would make {@code --json} need a file the
     * other commands' {@code --json} never needs, and a script that reads plans from standard output would lose
     * them).
     */
    static final String JSON_HELP = "Print one JSON document on stdout and nothing else there: the plan's fields "
            + "and why, the file written, and the plan's YAML as text (the only copy without -o), the error or the "
            + "stop.";

    @Override
    public Integer call() {
        try {
            return plan();
        } catch (VlmetaException e) {
            if (options.json) {
                // a script that asked for JSON reads standard output only: the refusal is a document there too
                JsonSummary.printError(e.getMessage(), e.code().exitCode(), context.out());
            }
            throw e;
        }
    }

    private int plan() {
        PrintStream err = context.err();
        options.server.url(context); // refuses a base URL no request could use before any input is read
        if (JobSpecs.readsOnce(options)) {
            throw VlmetaException.usage("A plan names its input to read it again later, and standard input or a "
                    + "pipe cannot be read again: save it to a file and plan that file.");
        }
        List<String> perRun = PER_RUN.stream()
                .filter(name -> commandSpec.commandLine().getParseResult().hasMatchedOption(name)).toList();
        if (!perRun.isEmpty()) {
            err.println("Not part of a plan (give " + (perRun.size() == 1 ? "it" : "them") + " when the plan runs): "
                    + String.join(", ", perRun) + ".");
        }
        if (output != null) {
            // before the input is read: the plan is moved into place, replacing whatever the path names
            WriteTargets.SYSTEM.check(output, "Cannot write the plan to -o", "leave out -o to write the plan to "
                    + "standard output, or name a regular file, e.g. -o plan.yaml");
        }
        JobSpec spec = JobSpecs.forPlan(options, context);
        Plugins plugins = Plugins.discover(options.pluginDirs.folders(context));
        plugins.loadFailures().forEach(failure -> err.println("Plugin not loaded: " + failure));
        JobPlan plan = new JobRunner(plugins).plan(spec, new JobListener() {
            @Override
            public void note(String line) {
                err.println(line);
            }
        });
        InputFingerprint fingerprint = InputFingerprint.of(spec.input());
        String yaml = PlanYaml.write(PlanFiles.of(spec, plan, fingerprint, err::println));
        err.println("Plan for " + plan.description() + " (" + plan.source() + "): " + plan.fields().size()
                + (plan.fields().size() == 1 ? " field" : " fields") + ", " + plan.leftOut().size() + " left out");
        for (FieldPlan field : plan.fields()) {
            err.println("  " + field.column() + ": " + field.type() + " (" + field.reason() + ")");
        }
        if (output != null) {
            write(yaml);
            err.println("Plan written: " + output + ". Review it, then: " + context.program() + " upload --plan "
                    + ResumeCommand.quote(output.toString()));
        }
        if (options.json) {
            Path file = output == null ? null : output.toAbsolutePath().normalize();
            if (!JsonSummary.printPlan(new PlanSummary(file, plan, yaml), context.out())) {
                // a script reading the JSON does not know what was planned
                err.println("Error: standard output did not take the whole JSON document (a full disk, or a reader "
                        + "that stopped reading); " + (output == null ? "the plan it held is lost." : "the plan "
                        + "itself was written to " + output + "."));
                return 1;
            }
        } else if (output == null) {
            context.out().print(yaml);
            context.out().flush();
        }
        return 0;
    }

    /**
     * Writes beside the target and moves it into place, so a reader never sees half a plan; a link stays a link and
     * a file its permissions ({@link FileDrafts}).
     */
    private void write(String yaml) {
        try {
            Path target = FileDrafts.place(output);
            Path temp = FileDrafts.draftBeside(target);
            try {
                Files.writeString(temp, yaml, StandardCharsets.UTF_8);
                FileDrafts.keepPermissions(temp, target);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot write the plan to " + output + ": "
                    + FileFaults.whyUnwritable(output, e) + "; choose a file in a writable folder.", e);
        }
    }
}
