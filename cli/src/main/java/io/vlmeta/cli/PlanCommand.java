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
 * was decided, and why, goes to standard error.
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
            "",
            "Exit codes: 0 plan written, 1 input unreadable, 2 usage error."})
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

    @Override
    public Integer call() {
        PrintStream err = context.err();
        if (options.json) {
            // the YAML goes where the JSON would: a script that asked for JSON would read the plan as a broken one
            throw VlmetaException.usage("plan writes its plan as YAML (on standard output, or -o FILE), never JSON: "
                    + "leave out --json, and give it to upload or validate when the plan runs.");
        }
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
        if (output == null) {
            context.out().print(yaml);
            context.out().flush();
        } else {
            write(yaml);
            err.println("Plan written: " + output + ". Review it, then: " + context.program() + " upload --plan "
                    + ResumeCommand.quote(output.toString()));
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
