package io.vlmeta.cli;

import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.engine.JobResult;
import io.vlmeta.engine.JobRunner;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.engine.Plugins;
import io.vlmeta.engine.Stops;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code upload} and {@code validate} share: build the job from flags, run it, print how it went. */
abstract class JobCommand {
    @Mixin
    JobOptions options = new JobOptions();

    @Option(names = "--plan", paramLabel = "FILE",
            description = "Run the job a plan file describes (see 'vlmeta plan'); flags given beside it win.")
    Path plan;

    @Spec
    CommandSpec commandSpec;

    private final CliContext context;

    JobCommand(CliContext context) {
        this.context = context;
    }

    CliContext context() {
        return context;
    }

    int run(JobSpec.Mode mode) {
        // every line of the job passes through the escaping stream: values and server texts are in them
        Style style = new Style(context.terminal());
        ProgressBars bars = new ProgressBars(ProgressBars.display(context), mode == JobSpec.Mode.UPLOAD,
                mode == JobSpec.Mode.UPLOAD ? "Uploading" : "Preparing");
        // step lines are printed above the bars, never through them
        PrintStream human = bars.guard(ConsoleStream.of(options.json ? context.err() : context.out()));
        // the demo's emulator and journal end with it: a stopped demo is run again, never resumed
        ResumeCommand resume = context.origin() == CliContext.Origin.DEMO ? null
                : ResumeCommand.of(context.program(), commandSpec.commandLine().getParseResult().originalArgs());
        try (StdinSpool stdin = applyPlan(mode) ? JobSpecs.spoolIfReadOnce(options, context) : null) {
            // a validation is stopped too, so that it ends as every refused job does (--json included)
            // the stop notice goes above the progress bars, as step lines do: a bar's redraw would erase it
            JobStop cancellation = context.stops().start(bars.guard(ConsoleStream.of(context.err())),
                    mode == JobSpec.Mode.UPLOAD ? resume : null,
                    options.json ? StopDocument.json(context.out(), StdoutClaim.PROCESS) : StopDocument.NONE);
            JobSpec spec = JobSpecs.from(options, mode, context, stdin, cancellation);
            Plugins plugins = Plugins.discover(options.pluginDirs.folders(context));
            plugins.loadFailures().forEach(failure -> human.println(style.mark("⚠️") + "Plugin not loaded: " + failure));
            JobResult result;
            ProblemsCsv problemsCsv = options.problems == null ? null : ProblemsCsv.open(options.problems);
            try {
                result = new JobRunner(plugins).run(spec, new ConsoleReporter(human, style, bars, spec)
                        .problemsTo(problemsCsv));
            } finally {
                cancellation.ended(); // from here on only output is written, which a late watchdog must not cut
                bars.close();
                if (problemsCsv != null) {
                    problemsCsv.close();
                }
            }
            if (problemsCsv != null) {
                human.println(style.mark("📝") + "Problems written: " + problemsCsv.written() + " to " + options.problems);
            }
            new ProblemPrinter(human, style).print(mode == JobSpec.Mode.UPLOAD
                    ? NothingNew.withoutSkipEchoes(result.summary()) : result.summary(), spec.reportPath());
            if (result.coverage() != null) {
                long media = result.coverage().media();
                long without = media - result.coverage().withValues();
                // coverage counts what the input maps; after an upload that did not finish, the server holds less
                // a validation or a dry run sends nothing by design: its media would get a value, as a refused upload's
                boolean nothingSent = mode != JobSpec.Mode.UPLOAD || !result.summary().gatePassed();
                boolean unfinished = mode == JobSpec.Mode.UPLOAD && result.exitCode() != 0;
                human.println(style.mark("🧭") + String.format(java.util.Locale.ROOT,
                        "Coverage: %,d of %,d dataset media %s%s", result.coverage().withValues(), media,
                        nothingSent ? "would get a value from this input (nothing was sent)"
                                : unfinished ? "would get a value from this input (not all of it reached the server: "
                                        + "see above)" : Plural.noun(result.coverage().withValues(), "gets", "get")
                                + " a value",
                        without == 0 ? "." : String.format(java.util.Locale.ROOT, "; %,d %s none (%s).", without,
                                Plural.noun(without, "gets", "get"),
                                spec.reportPath() != null ? "the report lists them"
                                        : options.json ? "listed in the JSON" : "--report or --json lists them")));
            }
            ending(human, style, spec, result);
            if (result.exitCode() == Stops.EXIT_CODE) {
                stopped(human, style, resume);
            } else if (cancellation.requested()) {
                // the signal came after the job's last look for one: "Stopping" was printed, yet it ran to its end
                human.println(style.mark("⏹️") + "The stop came after the job's last step, so it ran to its end: the "
                        + "result above stands, and the exit code is the job's (" + result.exitCode() + ").");
            }
            if (options.json && !JsonSummary.print(spec, result, context.out())) {
                // the job itself is done (and an upload's journal says so); a script reading the JSON is not
                human.println("Error: standard output did not take the whole JSON summary (a full disk, or a "
                        + "reader that stopped reading); the job itself ended with exit code " + result.exitCode() + ".");
                return result.exitCode() == 0 ? 1 : result.exitCode();
            }
            return result.exitCode();
        } catch (VlmetaException e) {
            if (options.json) {
                JsonSummary.printError(e.getMessage(), e.code().exitCode(), context.out());
            }
            throw e;
        }
    }

    /**
     * The journal holds where each field stands: say how to continue, with no secret in the command.
     *
     * @param resume the command that continues; {@code null} in the demo, which is run again instead
     */
    private static void stopped(PrintStream out, Style style, ResumeCommand resume) {
        if (resume == null) {
            out.println(style.mark("⏸️") + "Stopped: the demo's emulator and what it received end with the demo. "
                    + "Run the demo again to start over.");
            return;
        }
        out.println(style.mark("⏸️") + "Stopped: the fields above marked interrupted were not finished. The journal "
                + "holds where each one stands; to continue, run:");
        out.println("  " + resume.command());
        resume.notes().forEach(note -> out.println("  (" + note + ")"));
    }

    /**
     * Puts the {@code --plan} file's settings into the options (flags given beside it win), then checks the
     * base URL they name; only then says which flags override the plan and, for a validation, which flags it
     * ignores, so that no such line comes before a refusal of the same setting.
     *
     * @return true, so it can run first inside the job's {@code try}, where errors are reported as usual
     *     (under {@code --json} as a refusal document too)
     */
    private boolean applyPlan(JobSpec.Mode mode) {
        Predicate<String> given = name -> commandSpec.commandLine().getParseResult().hasMatchedOption(name);
        List<String> notes = new ArrayList<>();
        if (plan != null) {
            new PlanApplier(PlanYaml.read(plan), plan, options, given, notes::add).apply(mode);
        }
        // refuses a base URL no request could use before any input is read; a validation too, as an upload of
        // the same command line or plan would refuse it
        options.server.url(context);
        notes.forEach(context.err()::println);
        if (mode == JobSpec.Mode.VALIDATE) {
            List<String> ignored = JobOptions.UPLOAD_ONLY.stream().filter(given).toList();
            if (!ignored.isEmpty()) {
                context.err().println("validate never talks to the server, so " + String.join(", ", ignored)
                        + (ignored.size() == 1 ? " is" : " are") + " ignored.");
            }
        }
        return true;
    }

    private static void ending(PrintStream out, Style style, JobSpec spec, JobResult result) {
        RunSummary summary = result.summary();
        out.println(Style.RULE);
        if (!summary.gatePassed()) {
            // when only the checks against the dataset failed (a field of another type, one filled without
            // this run's journal, an export file that is not the dataset's), every row was fine and there is
            // no row to fix
            boolean onlyTheDataset = summary.problems().stream().filter(Problem::isError)
                    .allMatch(problem -> problem.category() == ProblemCategory.SCHEMA
                            || problem.category() == ProblemCategory.MAPPING && problem.location() == null);
            out.println(style.mark("❌") + (onlyTheDataset
                    ? "The checks against the dataset failed: nothing was uploaded. Fix the problems above and run again."
                    : "Validation failed: nothing was uploaded. Fix the rows above and run again."));
            return;
        }
        int fields = summary.plan().size();
        switch (spec.mode()) {
            case VALIDATE -> {
                out.println(style.mark("🎉") + "Validation complete: nothing was sent.");
                out.println(style.mark("✅") + "Ready to upload: " + countWithValues(summary) + "/"
                        + Plural.count(fields, "field"));
            }
            case DRY_RUN -> {
                out.println(style.mark("🎉") + "Dry run complete: nothing was sent.");
                out.println(style.mark("✅") + "Ready to upload: " + countReady(summary.outcomes()) + "/"
                        + Plural.count(fields, "field"));
            }
            case UPLOAD -> {
                List<FieldOutcome> skipped = summary.outcomes().stream()
                        .filter(o -> o.status() == FieldOutcome.Status.SKIPPED).toList();
                if (!skipped.isEmpty() && skipped.size() == fields && result.exitCode() == 0) {
                    out.println(style.mark("✅") + "Nothing new to upload: " + NothingNew.describe(skipped) + ".");
                    return;
                }
                long completed = summary.outcomes().stream()
                        .filter(o -> o.status() == FieldOutcome.Status.COMPLETED && !o.insertedDiffers()).count();
                out.println(result.exitCode() == 0 ? style.mark("🎉") + "Upload complete!"
                        : style.mark("⚠️") + "Upload finished with problems.");
                // skipped fields were named once above; they are not counted as fields that failed to upload
                out.println(style.mark("✅") + "Successfully uploaded: " + completed + "/"
                        + Plural.count(fields - skipped.size(), "field")
                        + (skipped.isEmpty() ? "" : " (" + skipped.size() + " skipped)"));
                summary.outcomes().stream().filter(o -> o.status() != FieldOutcome.Status.SKIPPED
                                && (o.status() != FieldOutcome.Status.COMPLETED || o.insertedDiffers()))
                        .forEach(o -> out.println("   " + o.fieldName() + ": " + describe(o)));
            }
        }
    }

    /** Fields without a value to send are not declared, so they are not ready to upload either. */
    private static long countWithValues(RunSummary summary) {
        return summary.plan().stream().map(field -> summary.counts().get(field.column()))
                .filter(counts -> counts == null || counts.values() > counts.unmatched()).count();
    }

    private static long countReady(List<FieldOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.status() == FieldOutcome.Status.COMPLETED).count();
    }

    private static String describe(FieldOutcome outcome) {
        return switch (outcome.status()) {
            case COMPLETED -> "the server inserted " + outcome.inserted() + " of "
                    + Plural.count(outcome.sent(), "value");
            case COMPLETED_WITH_ERRORS -> outcome.rejected() + " of "
                    + Plural.count(outcome.sent(), "value") + " rejected";
            case FAILED -> "failed: " + outcome.message();
            case SKIPPED -> "skipped: " + outcome.message();
            case INTERRUPTED -> "interrupted: " + outcome.message();
        };
    }
}
