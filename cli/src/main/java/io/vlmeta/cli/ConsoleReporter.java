package io.vlmeta.cli;

import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.Plural;
import io.vlmeta.api.Rejection;
import io.vlmeta.engine.JobListener;
import io.vlmeta.engine.JobSpec;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints a job's step lines as it runs, in the reference upload script's layout: the banner, one
 * line per step, per-field lines. Upload threads call in too, so every print is synchronised.
 */
final class ConsoleReporter implements JobListener {
    /** Rejected rows printed per field; the rest are in --rejects and the report. */
    static final int REJECTIONS_SHOWN = 5;

    private final PrintStream out;
    private final Style style;
    private final ProgressBars bars;
    private final JobSpec spec;
    private int fieldCount;
    /** Fields skipped before any upload began: said once at the end when no field is uploaded at all. */
    private final List<FieldOutcome> skippedFirst = new java.util.ArrayList<>();
    private boolean uploadBegan;
    /** Where every problem is written as found ({@code --problems}), or {@code null}. */
    private ProblemsCsv problemsCsv;

    ConsoleReporter(PrintStream out, Style style, ProgressBars bars, JobSpec spec) {
        this.out = out;
        this.style = style;
        this.bars = bars;
        this.spec = spec;
    }

    /** @param csv where every problem is written as it is found */
    ConsoleReporter problemsTo(ProblemsCsv csv) {
        this.problemsCsv = csv;
        return this;
    }

    @Override
    public void problemFound(io.vlmeta.api.Problem problem, String value) {
        if (problemsCsv != null) {
            problemsCsv.write(problem, value);
        }
    }

    @Override
    public synchronized void planned(List<FieldPlan> plan) {
        fieldCount = plan.size();
        out.println(style.mark("🚀") + switch (spec.mode()) {
            case UPLOAD -> "Visual Layer Custom Metadata Upload";
            case DRY_RUN -> "Visual Layer Custom Metadata Upload (dry run: nothing is sent)";
            case VALIDATE -> "Visual Layer Custom Metadata Validation";
        });
        out.println(Style.RULE);
        String name = spec.input().toString();
        out.println(style.mark("📁") + (name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "CSV file: " : "Input: ")
                + (spec.inputDigest() == null ? name : spec.inputLabel() + " (read from its copy " + name + ")"));
        if (spec.datasetId() != null) {
            out.println(style.mark("🎯") + "Dataset ID: " + spec.datasetId());
        }
        if (spec.mode() != JobSpec.Mode.VALIDATE) {
            out.println(style.mark("🌐") + "Base URL: " + UrlText.withoutPassword(spec.baseUrl()));
        }
        out.println(style.mark("📊") + "Fields to upload: " + plan.size());
        for (FieldPlan field : plan) {
            out.println("   " + field.column() + ": " + field.type()
                    + (field.reason() == null ? "" : " (" + field.reason() + ")"));
        }
        out.println(Style.RULE);
        if (spec.exportFile() != null) {
            // read from the local file, whatever the mode: an upload only checks the file against the server
            out.println(style.mark("📥") + "Reading media ID mapping from the export file...");
        } else if (spec.datasetId() != null && spec.mode() != JobSpec.Mode.VALIDATE) {
            out.println(style.mark("📥") + "Fetching media ID mapping...");
        }
    }

    @Override
    public synchronized void mappingLoaded(String description) {
        out.println(style.mark("✅") + "Media mapping: " + description);
        out.println(style.mark("🔍") + "Validating metadata...");
    }

    @Override
    public synchronized void mappingChecked(long matched, long rows) {
        out.println(style.mark(matched == rows ? "✅" : "⚠️") + "Mapped " + matched + " of "
                + Plural.count(rows, "file"));
    }

    @Override
    public void validationProgress(long rowsRead) {
        bars.validation(rowsRead);
    }

    @Override
    public void validationProgress(long rowsRead, long bytesRead, long totalBytes) {
        bars.validation(rowsRead, bytesRead, totalBytes);
    }

    @Override
    public synchronized void validated(long rows, long errors, long warnings) {
        bars.endValidation();
        String warned = warnings == 0 ? "" : ", " + Plural.count(warnings, "warning");
        if (errors == 0) {
            out.println(style.mark("✅") + "Validation passed: " + Plural.count(rows, "row") + ", "
                    + Plural.count(fieldCount, "field") + warned);
        } else {
            out.println(style.mark("❌") + "Validation failed: " + Plural.count(errors, "error")
                    + " in " + Plural.count(rows, "row") + warned);
        }
    }

    @Override
    public synchronized void fieldStarted(FieldDeclaration declaration, long values) {
        if (!uploadBegan) {
            uploadBegan = true;
            skippedFirst.forEach(this::printOutcome);
            skippedFirst.clear();
        }
        if (spec.mode() != JobSpec.Mode.UPLOAD) {
            out.println(style.mark("📝") + "Field '" + declaration.fieldName() + "' (" + declaration.handler() + "): "
                    + Plural.count(values, "value") + " would be uploaded");
        } else {
            out.println(style.mark("📤") + "Uploading field '" + declaration.fieldName() + "' ("
                    + declaration.handler() + ")...");
        }
        bars.fieldStarted(declaration.fieldName(), values);
    }

    @Override
    public void fieldProgress(String field, long sent) {
        bars.fieldProgress(field, sent);
    }

    @Override
    public void fieldAcceptedBefore(String field, long accepted) {
        bars.fieldAcceptedBefore(field, accepted);
    }

    @Override
    public void fieldAccepted(String field, long accepted) {
        bars.fieldAccepted(field, accepted);
    }

    @Override
    public synchronized void fieldFinished(FieldOutcome outcome) {
        bars.fieldFinished(outcome.fieldName());
        if (spec.mode() != JobSpec.Mode.UPLOAD) {
            return;
        }
        if (outcome.status() == FieldOutcome.Status.SKIPPED && !uploadBegan) {
            skippedFirst.add(outcome); // printed when another field's upload begins; summed up if none does
            return;
        }
        printOutcome(outcome);
    }

    private void printOutcome(FieldOutcome outcome) {
        String field = "'" + outcome.fieldName() + "'";
        switch (outcome.status()) {
            case COMPLETED -> {
                out.println("   " + style.mark("✅") + "Uploaded " + Plural.count(outcome.sent(), "value")
                        + " to " + field);
                out.println("   " + style.mark("✅") + "Completed " + field + ": "
                        + (outcome.inserted() < 0 ? "the server did not say how many rows were inserted"
                                : Plural.count(outcome.inserted(), "row") + " inserted"));
            }
            case COMPLETED_WITH_ERRORS -> {
                out.println("   " + style.mark("⚠️") + "Completed " + field + " with errors: "
                        + Plural.count(Math.max(0, outcome.inserted()), "row") + " inserted, " + outcome.rejected()
                        + " rejected");
                List<Rejection> shown = outcome.rejections().stream().limit(REJECTIONS_SHOWN).toList();
                for (Rejection rejection : shown) {
                    out.println("      " + (rejection.location() == null ? rejection.key()
                            : rejection.location().rowLabel() + " (" + rejection.key() + ")") + ": "
                            + rejection.reason() + (rejection.value() == null ? "" : " (value '" + rejection.value() + "')"));
                }
                if (outcome.rejected() > shown.size()) {
                    out.println("      ... " + (outcome.rejected() - shown.size())
                            + " more; pass --rejects FILE to write them all");
                }
            }
            case FAILED -> out.println("   " + style.mark("❌") + "Failed " + field + ": " + outcome.message());
            case SKIPPED -> out.println("   " + style.mark("⏭️") + "Skipped " + field + ": " + outcome.message());
            case INTERRUPTED -> out.println("   " + style.mark("⏸️") + "Interrupted " + field + ": " + outcome.message());
        }
    }

    @Override
    public synchronized void note(String line) {
        out.println("   " + line);
    }
}
