package io.vlmeta.engine;

import io.vlmeta.api.RunSummary;
import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkRequest;

/**
 * The sinks one job uses. The server sink maps keys and checks the target (and receives the upload
 * in upload mode); the report sink receives a dry run's declarations and entries in the server's
 * place (the entries while validating, when it takes them early), and the summary for the report. A
 * dry run is a sink swap, not a flag threaded through every plugin.
 */
final class JobSinks implements AutoCloseable {
    private final Sink server;
    private Sink report;
    private final JobSpec spec;
    private final Plugins plugins;
    private final SinkRequest request;

    private JobSinks(Sink server, Sink report, JobSpec spec, Plugins plugins, SinkRequest request) {
        this.server = server;
        this.report = report;
        this.spec = spec;
        this.plugins = plugins;
        this.request = request;
    }

    static JobSinks open(JobSpec spec, Plugins plugins, SinkRequest request) {
        boolean needsServerSink = switch (spec.mode()) {
            case UPLOAD -> true;
            case DRY_RUN -> spec.datasetId() != null || spec.exportFile() != null;
            // validation never talks to the server: it maps keys only from an offline export
            case VALIDATE -> spec.exportFile() != null;
        };
        Sink server = needsServerSink ? plugins.sink(spec.sinkName()).open(request) : null;
        Sink report = null;
        try {
            if (spec.mode() == JobSpec.Mode.DRY_RUN || spec.reportPath() != null) {
                report = plugins.sink(spec.reportSinkName()).open(request);
            }
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
        return new JobSinks(server, report, spec, plugins, request);
    }

    /**
     * Closes the report sink and opens a new one, which has been given nothing yet: for a job whose early
     * entries cannot stand, before anything else reaches the report.
     */
    void reopenReport() {
        report.close();
        report = null;
        report = plugins.sink(spec.reportSinkName()).open(request);
    }

    /** @return the report sink, which takes a dry run's entries in the server's place; {@code null} when none */
    Sink report() {
        return report;
    }

    /** @return the sink that maps keys and checks the target, or {@code null} when there is none */
    Sink server() {
        return server;
    }

    /** @return true when a report sink receives the job (a dry run, or a report path was given) */
    boolean hasReport() {
        return report != null;
    }

    /** @return where the upload pass sends: the server, or the report sink in a dry run */
    Sink target() {
        return spec.mode() == JobSpec.Mode.UPLOAD ? server : report;
    }

    void coverage(io.vlmeta.api.Coverage coverage) {
        if (server != null) {
            server.coverage(coverage);
        }
        if (report != null) {
            report.coverage(coverage);
        }
    }

    void invalidValues(java.util.List<io.vlmeta.api.InvalidValues> byField) {
        if (server != null) {
            server.invalidValues(byField);
        }
        if (report != null) {
            report.invalidValues(byField);
        }
    }

    void complete(RunSummary summary) {
        if (server != null) {
            server.complete(summary);
        }
        if (report != null) {
            report.complete(summary);
        }
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (report != null) {
                report.close();
            }
        }
    }
}
