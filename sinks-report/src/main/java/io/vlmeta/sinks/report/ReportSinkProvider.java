package io.vlmeta.sinks.report;

import io.vlmeta.api.Sink;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SinkRequest;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        this(Clock.systemUTC(), ReportSinkProvider::randomRunId, new ReportPair());
    }

    /**
     * @return a version 4 UUID (RFC 4122, section 4.4) from a fast generator: the run ID tells two runs' files apart
     *     and guards nothing, and {@link UUID#randomUUID()} first seeds a {@code SecureRandom}, 25 to 60 ms of a
     *     short run's start
     */
    static String randomRunId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // the IETF variant
        return new UUID(high, low).toString();
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
