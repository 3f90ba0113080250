package io.vlmeta.cli;

import io.vlmeta.api.FieldPlan;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.UriRedaction;
import io.vlmeta.engine.JobPlan;
import io.vlmeta.engine.JobSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Builds the {@link PlanFile} of a planned job, leaving every secret out. */
final class PlanFiles {
    /** Option keys that may hold a credential; their values are never written into a plan. */
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(secret|passw|token|credential|api-?key|apikey|auth|private).*");

    private PlanFiles() {
    }

    /**
     * @param spec        the job as planned (its API key and secret are not read)
     * @param plan        what the engine planned
     * @param fingerprint the input's fingerprint
     * @param notes       where to say what was left out of the file and why
     */
    static PlanFile of(JobSpec spec, JobPlan plan, InputFingerprint fingerprint, Consumer<String> notes) {
        PlanFile.Input input = new PlanFile.Input(spec.input().toAbsolutePath().normalize().toString(), plan.source(),
                plan.keyColumn(), withoutSecrets("input.options", spec.sourceOptions(), notes), fingerprint.size(),
                fingerprint.modified().toString(), fingerprint.files(), fingerprint.sha256());
        List<PlanFile.Column> columns = new ArrayList<>();
        for (FieldPlan field : plan.fields()) {
            columns.add(new PlanFile.Column(field.column(), field.type(), field.reason()));
        }
        List<PlanFile.Column> leftOut = new ArrayList<>();
        plan.leftOut().forEach((column, why) -> leftOut.add(new PlanFile.Column(column, null, why)));
        FieldSettings settings = spec.fieldSettings();
        PlanFile.Settings fieldSettings = new PlanFile.Settings(settings.stringMaxLength(), settings.truncateStrings(),
                settings.enumLimit(), settings.enumOptionMaxLength(), settings.timezone().getId(),
                settings.datetimeFormats(), withoutSecrets("field-settings.options", settings.options(), notes));
        PlanFile.Matching matching = new PlanFile.Matching(spec.matchBy(), spec.allowUnmatched(),
                spec.exportFile() == null ? null : spec.exportFile().toAbsolutePath().normalize().toString());
        PlanFile.Dataset dataset = new PlanFile.Dataset(spec.datasetId(), baseUrlWithoutSecrets(spec.baseUrl(), notes));
        PlanFile.Upload upload = new PlanFile.Upload(spec.batchSize(), spec.parallel(), duration(spec.taskTimeout()),
                withoutSecrets("upload.sink-options", spec.sinkOptions(), notes));
        return new PlanFile(PlanFile.VERSION, input, columns, leftOut.isEmpty() ? null : leftOut, fieldSettings,
                matching, new PlanFile.PatientData(spec.allowPhi(), spec.dropPhi()), dataset, upload);
    }

    /**
     * @return the base URL as {@link UriRedaction#server} names the server: without user name, password, path
     *     parameters (a session), query (a token) or fragment, with a note saying so when any was left out;
     *     {@code null} for {@code null}
     */
    static String baseUrlWithoutSecrets(String baseUrl, Consumer<String> notes) {
        String server = UriRedaction.server(baseUrl);
        if (server != null && !server.equals(baseUrl.strip())) {
            notes.accept("The base URL's user name, password, path parameters, query and fragment are left out of "
                    + "the plan; pass --base-url beside --plan to run it.");
        }
        return server;
    }

    private static Map<String, String> withoutSecrets(String where, Map<String, String> options,
                                                      Consumer<String> notes) {
        Map<String, String> kept = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (SECRET_KEY.matcher(key).matches()) {
                notes.accept("Option '" + key + "' (" + where + ") may hold a secret, so it is left out of the "
                        + "plan; pass it beside --plan.");
            } else {
                kept.put(key, value);
            }
        });
        return new java.util.TreeMap<>(kept);
    }

    /** @return the duration as {@code --task-timeout} reads it: {@code 2h}, {@code 30m}, {@code 90s}, {@code 500ms} */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
