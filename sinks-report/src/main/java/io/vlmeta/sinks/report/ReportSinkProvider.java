package io.vlmeta.sinks.report;

import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SinkRequest;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The {@code report} sink: a dry run sends its declarations and entries here instead of to the
 * server, and gets an HTML report (with the JSON report beside it) at the path of the
 * {@value #REPORT_OPTION} sink option.
 */
public final class ReportSinkProvider implements SinkProvider {
    /** The sink option holding the HTML report's path; the JSON report goes beside it. Absent: no report. */
    public static final String REPORT_OPTION = "report";

    private final Clock clock;
    private final Supplier<String> runIds;
    private final ReportPair pair;

    /** A provider using the system clock for the report's time stamp and a random UUID for its run ID. */
    public ReportSinkProvider() {
        this(Clock.systemUTC(), () -> UUID.randomUUID().toString(), new ReportPair());
    }

    /**
     * @param runIds gives each report the run ID both of its files carry
     * @param pair   puts the two files in place
     */
    ReportSinkProvider(Clock clock, Supplier<String> runIds, ReportPair pair) {
        this.clock = clock;
        this.runIds = runIds;
        this.pair = pair;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of(REPORT_OPTION));
    }

    @Override
    public String description() {
        return "Dry-run report: what would be uploaded, as self-contained HTML with charts and as JSON";
    }

    @Override
    public Sink open(SinkRequest request) {
        return new ReportSink(request, clock, runIds, pair);
    }
}
