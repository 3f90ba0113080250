package io.vlmeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.emulator.Emulator;
import io.vlmeta.emulator.EmulatorConfig;
import io.vlmeta.emulator.FaultPlan;
import io.vlmeta.emulator.FaultProxy;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chaos test of the exactly-once promise: the packaged jar, as separate processes, against the
 * emulator over loopback HTTP, disrupted the ways users and networks disrupt uploads (kill -9 at
 * random points including mid-declaration, Ctrl-C, two runs at once on one state folder, answers lost
 * after the server did the work, 30 % of requests answered 503), then {@code --resume} until done.
 *
 * <p>It ends with every field either holding exactly the input's values (each once: the server
 * refused no second copy) or named in the last run's non-zero exit; a field the server holds some
 * but not all values of, with exit 0, is the failure this test exists for. Random choices come from
 * {@link #SEED} ({@code -Dvlmeta.chaos.seed=N} to replay); runs, resumes and waits are bounded.
 */
class ChaosIT {
    static final long SEED = Long.getLong("vlmeta.chaos.seed", 15L);
    private static final int ROWS = 2_000;
    private static final int BATCH = 250;
    private static final int MAX_RESUMES = 6;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(120);
    private static final List<String> FIELDS = List.of("score", "label", "note");
    private static final List<String> LABELS = List.of("alpha", "beta", "gamma", "delta");

    /** How the emulator behaves. */
    enum Mode {
        /** The emulator's defaults: a task takes files until its status reports it finished. */
        DEFAULT(BATCH),
        /**
         * Strict: a task takes one upload only, as the reference script uses it; the job sends each field
         * as one file, and its files are applied asynchronously (read-back shows them a little later).
         */
        STRICT(ROWS);

        final int batchSize;

        Mode(int batchSize) {
            this.batchSize = batchSize;
        }

        EmulatorConfig config() {
            return this == DEFAULT ? EmulatorConfig.builder().build()
                    : EmulatorConfig.builder().strictOneUploadPerTask()
                    .applyUploadsAsynchronously(Duration.ofMillis(150)).build();
        }
    }

    /** One way of disrupting the job before it is resumed. */
    enum Scenario {
        KILL_9_AT_RANDOM_POINTS,
        KILL_9_MID_DECLARATION,
        SIGINT_MID_UPLOAD,
        TWO_RUNS_AT_ONCE,
        BAD_GATEWAY_AFTER_PROCESSING,
        BAD_GATEWAY_FROM_A_PROXY,
        ANSWERS_DROPPED,
        SERVICE_UNAVAILABLE_30_PERCENT
    }

    @TempDir
    Path dir;

    private Emulator emulator;
    private FaultProxy proxy;
    private String baseUrl;
    private Mode mode;
    private final List<VlmetaJar.Launch> launches = new ArrayList<>();
    private final StringBuilder log = new StringBuilder();

    @AfterEach
    void stopEmulator() {
        if (proxy != null) {
            proxy.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (Scenario scenario : Scenario.values()) {
                runs.add(Arguments.of(mode, scenario));
            }
        }
        return runs.stream();
    }

    @ParameterizedTest(name = "{0} emulator, {1}")
    @MethodSource("runs")
    void endsWithEveryValueOnceOrTheFieldNamedInANonZeroExit(Mode mode, Scenario scenario) throws Exception {
        this.mode = mode;
        emulator = Emulator.start(mode.config());
        baseUrl = emulator.baseUrl();
        String dataset = "chaos";
        emulator.addDataset(dataset, files());
        Path csv = csv();
        Random random = new Random(SEED * 31 + scenario.ordinal() * 7L + mode.ordinal());
        log.append("seed ").append(SEED).append(", ").append(mode).append(", ").append(scenario).append('\n');

        boolean started = switch (scenario) {
            case KILL_9_AT_RANDOM_POINTS -> killAtRandomPoints(csv, random);
            case KILL_9_MID_DECLARATION -> killMidDeclaration(csv, random);
            case SIGINT_MID_UPLOAD -> interruptMidUpload(csv, random);
            case TWO_RUNS_AT_ONCE -> twoRunsAtOnce(csv, random);
            case BAD_GATEWAY_AFTER_PROCESSING -> firstRunUnder(csv, FaultPlan.builder()
                    .badGatewayAfterProcessingFraction(0.25).seed(random.nextLong()).build());
            case BAD_GATEWAY_FROM_A_PROXY -> behindAProxy(csv, FaultProxy.Plan.builder().badGatewayFraction(0.25)
                    .seed(random.nextLong()).build());
            case ANSWERS_DROPPED -> firstRunUnder(csv, FaultPlan.builder().dropConnectionFraction(0.2)
                    .seed(random.nextLong()).build());
            case SERVICE_UNAVAILABLE_30_PERCENT -> firstRunUnder(csv, FaultPlan.builder()
                    .serviceUnavailableFraction(0.3).seed(random.nextLong()).build());
        };
        if (scenario != Scenario.SERVICE_UNAVAILABLE_30_PERCENT) {
            emulator.setFaults(FaultPlan.none());
        }
        VlmetaJar.Launch last = resumeUntilDone(csv, started);

        List<ServerState> states = FIELDS.stream().map(f -> ServerState.of(emulator, dataset, f, expected(dataset, f)))
                .toList();
        log.append("server: ").append(states).append('\n');
        System.out.println(log.toString().lines().filter(l -> l.startsWith("run ") || l.startsWith("server")
                || l.startsWith("seed")).reduce("", (a, b) -> a + b + "\n"));
        for (ServerState state : states) {
            assertThat(state.wrong() + state.extra()).as(report("values on the wrong media: " + state)).isZero();
            assertThat(state.refused()).as(report("a second copy of a value was sent: " + state)).isZero();
            if (!state.exact()) {
                // the one end a resume cannot mend: a declaration whose answer was lost leaves a field whose
                // task the API does not name, so nothing can be sent to it; it must stay empty and be named
                assertThat(state.present()).as(report("a half-filled field: " + state)).isZero();
                assertThat(last.exitCode()).as(report("an empty field with exit 0: " + state)).isNotZero();
                assertThat(last.both()).as(report("the last run does not name " + state))
                        .contains("'" + state.field() + "'");
            }
        }
        long exact = states.stream().filter(ServerState::exact).count();
        System.out.printf("chaos %s %s: %d runs, %d of %d fields exact, %d empty and named (exit %d)%n", mode,
                scenario, launches.size(), exact, states.size(), states.size() - exact, last.exitCode());
        // why a field was left empty, in the run's own words: what a user would read
        last.both().lines().filter(l -> l.startsWith("Error: ") || l.matches("^ +\\S+: failed: .*"))
                .forEach(l -> System.out.println("  " + l));
        if (exact == states.size()) {
            assertThat(last.exitCode()).as(report("every field complete")).isZero();
        }
    }

    // --- disruptions; each returns whether a journal may exist (the next run needs --resume)

    private boolean killAtRandomPoints(Path csv, Random random) throws Exception {
        boolean resume = false;
        for (int round = 0; round < 3; round++) {
            emulator.setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(40)).build());
            // the first run declares every field; a resume has fewer batches left, so it is cut off sooner
            String endpoint = round == 0 ? List.of("declare", "upload", "upload").get(random.nextInt(3))
                    : List.of("upload", "upload", "upload", "status").get(random.nextInt(4));
            int within = endpoint.equals("declare") ? FIELDS.size() : endpoint.equals("status") ? 2
                    : round == 0 ? Math.max(1, ROWS / mode.batchSize * FIELDS.size() / 2) : 2;
            long target = emulator.requestCount(endpoint) + 1 + random.nextInt(within);
            killWhen(start(csv, resume), endpoint, target, "kill -9 at " + endpoint + " #" + target);
            resume = true;
        }
        return true;
    }

    private boolean killMidDeclaration(Path csv, Random random) throws Exception {
        // every answer takes a second: a kill right after a declaration arrives cuts it off mid-flight
        emulator.setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(1_000)).build());
        long target = emulator.requestCount("declare") + 1 + random.nextInt(FIELDS.size());
        killWhen(start(csv, false), "declare", target, "kill -9 mid-declaration #" + target);
        return true;
    }

    private boolean interruptMidUpload(Path csv, Random random) throws Exception {
        emulator.setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(60)).build());
        long target = emulator.requestCount("upload") + 1 + random.nextInt(mode == Mode.STRICT ? 2 : 10);
        VlmetaJar.Started run = start(csv, false);
        if (awaitRequests(run, "upload", target)) {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.process().pid())).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        }
        VlmetaJar.Launch stopped = await(run, "SIGINT at upload #" + target);
        assertThat(stopped.exitCode()).as(report("Ctrl-C exit")).isIn(0, 130);
        return true;
    }

    private boolean twoRunsAtOnce(Path csv, Random random) throws Exception {
        emulator.setFaults(FaultPlan.builder().fixedDelay(Duration.ofMillis(60)).build());
        concurrently(csv, false, "two runs at once", true);
        // and two resumes at once after a kill; when the job ended before the kill point there is nothing
        // left to send, so the second is refused or, when the first ended before it, has nothing to do
        long target = emulator.requestCount("upload") + 1 + random.nextInt(mode == Mode.STRICT ? 2 : 6);
        boolean killed = killWhen(start(csv, true), "upload", target, "kill -9 at upload #" + target);
        concurrently(csv, true, "two resumes at once", killed);
        return true;
    }

    /**
     * Two runs of one job on one state folder: the second to reach the journal refuses at once, naming
     * the first's pid, and sends nothing (the server refusing no second copy shows that at the end).
     *
     * <p>The overlap is made, not hoped for: two runs started together may not overlap at all on a busy
     * machine (one can finish before the other's JVM is up). The second starts once the first holds the
     * journal, as its schema lookup reaching the server shows (the journal is locked just before it), and
     * the first is paused ({@code SIGSTOP}) until the second has ended, then continues ({@code SIGCONT}).
     */
    private void concurrently(Path csv, boolean resume, String what, boolean contended) throws Exception {
        long lookup = emulator.requestCount("schema") + 1;
        VlmetaJar.Started one = start(csv, resume);
        VlmetaJar.Launch first;
        VlmetaJar.Launch second;
        VlmetaJar.Started other;
        if (awaitRequests(one, "schema", lookup)) {
            signal(one, "STOP");
            try {
                other = start(csv, resume);
                second = await(other, "second of " + what + ", while the first holds the journal");
            } finally {
                signal(one, "CONT");
            }
            first = await(one, "first of " + what);
        } else {
            other = start(csv, resume);
            first = await(one, "first of " + what + ", ended before its schema lookup");
            second = await(other, "second of " + what);
        }
        boolean oneRefused = first.exitCode() != 0 && refusal(first, other);
        boolean otherRefused = second.exitCode() != 0 && refusal(second, one);
        if (contended) {
            assertThat(oneRefused ^ otherRefused).as(report("exactly one of " + what + " refuses, naming the "
                    + "other's pid")).isTrue();
        } else {
            assertThat(first.exitCode() == 0 || oneRefused).as(report("the first of " + what)).isTrue();
            assertThat(second.exitCode() == 0 || otherRefused).as(report("the second of " + what)).isTrue();
        }
    }

    private boolean firstRunUnder(Path csv, FaultPlan faults) throws Exception {
        emulator.setFaults(faults);
        await(start(csv, false), "first run under " + faults);
        return true;
    }

    /** A gateway in front of the server answers 502 after the server did the work; the resumes go direct. */
    private boolean behindAProxy(Path csv, FaultProxy.Plan plan) throws Exception {
        proxy = FaultProxy.start(emulator.baseUrl(), plan);
        baseUrl = proxy.baseUrl();
        await(start(csv, false), "first run behind a proxy answering 502 after forwarding");
        baseUrl = emulator.baseUrl();
        return true;
    }

    private VlmetaJar.Launch resumeUntilDone(Path csv, boolean resume) throws Exception {
        VlmetaJar.Launch last = launches.isEmpty() ? null : launches.get(launches.size() - 1);
        for (int i = 0; i < MAX_RESUMES && (last == null || last.exitCode() != 0); i++) {
            last = await(start(csv, resume), "resume " + (i + 1));
            resume = true;
            if (last.exitCode() != 0 && last.exitCode() != 130 && !last.both().contains("--resume")) {
                break; // a failure that does not advise --resume: a resume cannot help
            }
        }
        return last;
    }

    // --- processes

    private List<String> command(Path csv, boolean resume) {
        List<String> args = new ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id", "chaos",
                "--base-url", baseUrl, "--state-dir", dir.resolve("state").toString(),
                "--batch-size", Integer.toString(mode.batchSize), "--float-fields", "score", "--enum-fields", "label",
                "--string-fields", "note", "--rejects", dir.resolve("rejects.csv").toString(),
                "--sink-option", "poll-interval-ms=20"));
        if (resume) {
            args.add("--resume");
        }
        return args;
    }

    private VlmetaJar.Started start(Path csv, boolean resume) throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        return VlmetaJar.start(dir, dir.resolve("streams"), List.of("-Djava.io.tmpdir=" + dir.resolve("tmp")),
                command(csv, resume));
    }

    private boolean awaitRequests(VlmetaJar.Started run, String endpoint, long target) throws InterruptedException {
        long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
        while (emulator.requestCount(endpoint) < target && run.process().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return run.process().isAlive() && emulator.requestCount(endpoint) >= target;
    }

    private static void signal(VlmetaJar.Started run, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(run.process().pid())).start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + run.process().pid() + " failed");
        }
    }

    /** Whether {@code refused} was refused because {@code holder} held the journal, naming the holder's pid. */
    private static boolean refusal(VlmetaJar.Launch refused, VlmetaJar.Started holder) {
        return refused.err().contains("Another vlmeta run (pid " + holder.process().pid() + ", started ");
    }

    /** @return whether the run was killed (false: it ended before the kill point) */
    private boolean killWhen(VlmetaJar.Started run, String endpoint, long target, String what) throws Exception {
        boolean killed = awaitRequests(run, endpoint, target);
        if (killed) {
            run.process().destroyForcibly(); // SIGKILL: no handler, no flush, no cleanup
        }
        await(run, killed ? what : what + ", finished before it");
        return killed;
    }

    private VlmetaJar.Launch await(VlmetaJar.Started run, String what) throws Exception {
        if (!run.process().waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            run.process().destroyForcibly().waitFor();
        }
        VlmetaJar.Launch launch = new VlmetaJar.Launch(run.process().exitValue(),
                Files.readString(run.out(), StandardCharsets.UTF_8), Files.readString(run.err(), StandardCharsets.UTF_8));
        launches.add(launch);
        log.append("run ").append(launches.size()).append(" (").append(what).append("): exit ")
                .append(launch.exitCode()).append('\n').append(tail(launch.both())).append('\n');
        return launch;
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }

    private String report(String what) {
        return what + "\n" + log;
    }

    // --- the input and what the server must end up holding

    private static String file(int i) {
        return String.format("chaos/%05d.jpg", i);
    }

    private static List<String> files() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            files.add(file(i));
        }
        return files;
    }

    private static Object value(String field, int i) {
        return switch (field) {
            case "score" -> new BigDecimal(i).movePointLeft(2);
            case "label" -> LABELS.get(i % LABELS.size());
            default -> "note " + i;
        };
    }

    private Path csv() throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath,score,label,note"));
        for (int i = 0; i < ROWS; i++) {
            lines.add(file(i) + "," + ((BigDecimal) value("score", i)).toPlainString() + "," + value("label", i) + ","
                    + value("note", i));
        }
        return Files.write(dir.resolve("chaos.csv"), lines, StandardCharsets.UTF_8);
    }

    private Map<String, Object> expected(String dataset, String field) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            values.put(emulator.mediaId(dataset, file(i)), value(field, i));
        }
        return values;
    }
}
