package io.vlmeta.cli;

import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.RunSummary;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.engine.JobResult;
import io.vlmeta.engine.JobRunner;
import io.vlmeta.engine.JobSpec;
import io.vlmeta.engine.Plugins;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine.Mixin;

/** What {@code upload} and {@code validate} share: build the job from flags, run it, print how it went. */
abstract class JobCommand {
    @Mixin
    JobOptions options = new JobOptions();

    private final CliContext context;

    JobCommand(CliContext context) {
        this.context = context;
    }

    int run(JobSpec.Mode mode) {
        PrintStream human = options.json ? context.err() : context.out();
        Style style = new Style(context.terminal());
        try (StdinSpool stdin = JobSpecs.readsStdin(options) ? StdinSpool.copy(context.in()) : null) {
            JobSpec spec = JobSpecs.from(options, mode, context, stdin);
            Plugins plugins = Plugins.discover(options.pluginDirs.folders(context));
            plugins.loadFailures().forEach(failure -> human.println(style.mark("⚠️") + "Plugin not loaded: " + failure));
            JobResult result;
            try (ProgressBars bars = new ProgressBars(context.terminal() && !options.json,
                    mode == JobSpec.Mode.DRY_RUN ? "Preparing" : "Uploading")) {
                result = new JobRunner(plugins).run(spec, new ConsoleReporter(human, style, bars, spec));
            }
            new ProblemPrinter(human, style).print(result.summary(), spec.reportPath());
            ending(human, style, spec, result);
            if (options.json) {
                context.out().println(JsonSummary.of(spec, result));
            }
            return result.exitCode();
        } catch (VlmetaException e) {
            if (options.json) {
                context.out().println(JsonSummary.error(e.getMessage(), e.code().exitCode()));
            }
            throw e;
        }
    }

    private static void ending(PrintStream out, Style style, JobSpec spec, JobResult result) {
        RunSummary summary = result.summary();
        out.println(Style.RULE);
        if (!summary.gatePassed()) {
            out.println(style.mark("❌") + "Validation failed: nothing was uploaded. Fix the rows above and run again.");
            return;
        }
        int fields = summary.plan().size();
        switch (spec.mode()) {
            case VALIDATE -> {
                out.println(style.mark("🎉") + "Validation complete: nothing was sent.");
                out.println(style.mark("✅") + "Ready to upload: " + countWithValues(summary) + "/" + fields
                        + " fields");
            }
            case DRY_RUN -> {
                out.println(style.mark("🎉") + "Dry run complete: nothing was sent.");
                out.println(style.mark("✅") + "Ready to upload: " + countReady(summary.outcomes()) + "/" + fields
                        + " fields");
            }
            case UPLOAD -> {
                long completed = summary.outcomes().stream()
                        .filter(o -> o.status() == FieldOutcome.Status.COMPLETED && !o.insertedDiffers()).count();
                out.println(result.exitCode() == 0 ? style.mark("🎉") + "Upload complete!"
                        : style.mark("⚠️") + "Upload finished with problems.");
                out.println(style.mark("✅") + "Successfully uploaded: " + completed + "/" + fields + " fields");
                summary.outcomes().stream().filter(o -> o.status() != FieldOutcome.Status.COMPLETED
                                || o.insertedDiffers())
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
            case COMPLETED -> "the server inserted " + outcome.inserted() + " of " + outcome.sent() + " values";
            case COMPLETED_WITH_ERRORS -> outcome.rejected() + " of " + outcome.sent() + " values rejected";
            case FAILED -> "failed: " + outcome.message();
            case SKIPPED -> "skipped: " + outcome.message();
            case INTERRUPTED -> "interrupted: " + outcome.message();
        };
    }
}
