package io.vlmeta.emulator;

import io.vlmeta.api.OptionRanges;
import io.vlmeta.api.SecretFile;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vlmeta emulator}: runs the emulator in the foreground until interrupted, to rehearse a job
 * or run the demo without touching a real Visual Layer server.
 */
@Command(name = "emulator", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs a strict local emulator of Visual Layer's custom-metadata API until interrupted.")
public final class EmulatorCommand implements Callable<Integer> {
    /**
     * The port when {@code --port} is not given: the one the command line's default base URL
     * ({@code http://localhost:8080}, an on-premises install) points at, so a rehearsal needs no
     * {@code --base-url}.
     */
    public static final int DEFAULT_PORT = 8080;

    @Spec
    private CommandSpec spec;

    /** The highest TCP port. */
    private static final int MAX_PORT = 65_535;

    /** The statuses {@code --fail-nth} answers with: a client's or a server's error. */
    private static final int MIN_FAILURE_STATUS = 400;
    private static final int MAX_FAILURE_STATUS = 599;

    /** A request number or status in an option's value: digits, few enough for an {@code int}. */
    private static final String NUMBER = "\\d{1,9}";

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1, 0 for a free one (default: ${DEFAULT-VALUE}).")
    private int port = DEFAULT_PORT;

    @Option(names = "--dataset", paramLabel = "ID=FILE", description = "A READY dataset whose media are listed in FILE:"
            + " one file name per line, or an export CSV with a 'filename' column. Repeatable.")
    private Map<String, Path> datasets = new LinkedHashMap<>();

    @Option(names = "--dataset-status", paramLabel = "ID=STATUS", description = "Give a dataset another status, e.g."
            + " INDEXING; only READY accepts declarations. Repeatable.")
    private Map<String, String> statuses = new LinkedHashMap<>();

    @Option(names = "--api-key", paramLabel = "KEY", description = "Require tokens for this API key (cloud mode).")
    private String apiKey;

    @Option(names = "--api-secret", paramLabel = "SECRET", description = "The secret tokens are signed with.")
    private String apiSecret;

    @Option(names = "--api-secret-file", paramLabel = "FILE", description = "Read the secret from FILE.")
    private Path apiSecretFile;

    @Option(names = "--max-token-age", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Refuse tokens issued longer ago than this (e.g. 30s), even before they expire.")
    private Duration maxTokenAge;

    @Option(names = "--polls-to-complete", paramLabel = "N",
            description = "Status polls answering IN_PROGRESS before a task completes (default: ${DEFAULT-VALUE}).")
    private int pollsToComplete = EmulatorConfig.DEFAULT_POLLS_TO_COMPLETE;

    @Option(names = "--task-policy", paramLabel = "POLICY", description = "When a task stops taking files:"
            + " OPEN_UNTIL_FAILED (default: polls never close a task), ONE_UPLOAD (strict: a second upload to a task"
            + " gets 409), CLOSED_BY_FINAL_POLL (the first poll answering a final status closes the task).")
    private TaskPolicy taskPolicy = TaskPolicy.OPEN_UNTIL_FAILED;

    @Option(names = "--strict", description = "Same as --task-policy ONE_UPLOAD: each task takes exactly one upload,"
            + " as Visual Layer's reference script uses the API.")
    private boolean strict;

    @Option(names = "--apply-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Answer uploads 202 at once and apply each file this long afterwards (e.g. 2s);"
                    + " default: apply before answering.")
    private Duration applyDelay = Duration.ZERO;

    @Option(names = "--apply-cut-off-uploads", description = "Worst case: an upload whose body is cut off mid-way"
            + " applies the entries that arrived whole (default: it changes nothing).")
    private boolean applyCutOffUploads;

    @Option(names = "--unavailable-fraction", paramLabel = "F", description = "Answer this share of requests with 503.")
    private double unavailableFraction;

    @Option(names = "--too-many-requests", paramLabel = "F", description = "Answer this share of requests with 429.")
    private double tooManyRequestsFraction;

    @Option(names = "--retry-after", paramLabel = "SECONDS",
            description = "Retry-After sent with 429 answers (default: ${DEFAULT-VALUE}).")
    private int retryAfterSeconds = 1;

    @Option(names = "--delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Pause before every answer, e.g. 200ms.")
    private Duration delay = Duration.ZERO;

    @Option(names = "--drop-fraction", paramLabel = "F",
            description = "Close the connection halfway through this share of answers (after doing the work).")
    private double dropFraction;

    @Option(names = "--fail-nth", paramLabel = "ENDPOINT:N:STATUS", description = "The N-th request to ENDPOINT ("
            + "dataset, export, schema, declare, upload, status, read) answers STATUS without being processed."
            + " Repeatable.")
    private List<String> failNth = new ArrayList<>();

    @Option(names = "--bad-gateway-fraction", paramLabel = "F",
            description = "Process this share of requests, then answer 502 Bad Gateway instead.")
    private double badGatewayFraction;

    @Option(names = "--bad-gateway-nth", paramLabel = "ENDPOINT:N", description = "Process the N-th request to"
            + " ENDPOINT, then answer 502 Bad Gateway instead. Repeatable.")
    private List<String> badGatewayNth = new ArrayList<>();

    @Option(names = "--drop-nth", paramLabel = "ENDPOINT:N", description = "Process the N-th request to ENDPOINT,"
            + " then close the connection halfway through the answer. Repeatable.")
    private List<String> dropNth = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the random faults (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--dump", paramLabel = "FILE", description = "Write the whole state as JSON to FILE on exit.")
    private Path dump;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean finished = new AtomicBoolean();

    @Override
    public Integer call() throws Exception {
        checkDumpFolder();
        EmulatorConfig config = config();
        Map<String, List<String>> media = readDatasets();
        for (Map.Entry<String, String> status : statuses.entrySet()) {
            if (!media.containsKey(status.getKey())) {
                throw usage("--dataset-status names dataset '" + status.getKey() + "', which no --dataset defines");
            }
            requireOneOf("--dataset-status", "STATUS", status.getValue(), Dataset.STATUSES.stream().sorted().toList());
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(config);
        } catch (UncheckedIOException e) {
            // another program (often a running emulator) holds the port: the user's to settle, not a fault
            spec.commandLine().getErr().println("Error: " + cannotListen(e.getCause()));
            spec.commandLine().getErr().flush();
            return 1;
        }
        Thread hook = new Thread(() -> finish(emulator), "vlmeta-emulator-shutdown");
        boolean stateWritten = true;
        try {
            media.forEach(emulator::addDataset);
            statuses.forEach(emulator::setDatasetStatus);
            printBanner(emulator, media);
            Runtime.getRuntime().addShutdownHook(hook);
            stopped.await();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook does the work
            }
            stateWritten = finish(emulator);
        }
        // a dump that could not be written lost what the run received: a script must not take it as done
        return stateWritten ? 0 : 1;
    }

    /** @return why the emulator cannot listen on its port, and what to do about it, in one line */
    private String cannotListen(IOException cause) {
        String where = "127.0.0.1:" + port;
        return cause instanceof BindException
                ? "cannot listen on " + where + ": the port is in use (is an emulator already running?); "
                        + "give another with --port, or --port 0 for a free one."
                : "cannot listen on " + where + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ").";
    }

    /**
     * Refuses a {@code --dump} file whose folder does not exist (or that is a folder itself) before the
     * emulator starts: the state is written only on exit, when whatever it received would be lost.
     */
    private void checkDumpFolder() {
        if (dump == null) {
            return;
        }
        Path folder = dump.toAbsolutePath().getParent();
        if (Files.isDirectory(dump)) {
            throw usage("--dump " + dump + " is a folder; name the file to write the state to, e.g. "
                    + dump.resolve("state.json"));
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw usage("--dump " + dump + ": the folder " + folder + " does not exist; create it first, or name a "
                    + "file in a folder that exists");
        }
    }

    private EmulatorConfig config() {
        String secret = secret();
        if ((apiKey == null) != (secret == null)) {
            throw usage("--api-key and --api-secret (or --api-secret-file) go together: give both for cloud mode,"
                    + " neither for on-premises mode");
        }
        try {
            checkRanges();
            FaultPlan.Builder faults = FaultPlan.builder()
                    .serviceUnavailableFraction(unavailableFraction)
                    .tooManyRequests(tooManyRequestsFraction, retryAfterSeconds)
                    .fixedDelay(delay)
                    .dropConnectionFraction(dropFraction)
                    .badGatewayAfterProcessingFraction(badGatewayFraction)
                    .seed(seed);
            for (String failure : failNth) {
                addFailure(faults, failure);
            }
            for (String nth : badGatewayNth) {
                String[] at = endpointAndNumber("--bad-gateway-nth", nth);
                faults.badGatewayAfterProcessingNth(at[0], Integer.parseInt(at[1]));
            }
            for (String nth : dropNth) {
                String[] at = endpointAndNumber("--drop-nth", nth);
                faults.dropConnectionAfterProcessingNth(at[0], Integer.parseInt(at[1]));
            }
            if (strict && taskPolicy != TaskPolicy.OPEN_UNTIL_FAILED && taskPolicy != TaskPolicy.ONE_UPLOAD) {
                throw usage("--strict means --task-policy ONE_UPLOAD; give one or the other");
            }
            EmulatorConfig.Builder config = EmulatorConfig.builder().port(port).apiKey(apiKey).apiSecret(secret)
                    .maxTokenAge(maxTokenAge).pollsToComplete(pollsToComplete).faults(faults.build())
                    .taskPolicy(strict ? TaskPolicy.ONE_UPLOAD : taskPolicy).applyUploadsAsynchronously(applyDelay);
            if (applyCutOffUploads) {
                config.applyCutOffUploadsPartially();
            }
            return config.build();
        } catch (VlmetaException | IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * Refuses a value out of its option's range in the option's own words, before {@link FaultPlan} and
     * {@link EmulatorConfig} would refuse it in their fields' words.
     *
     * @throws VlmetaException (usage) naming the option, what it takes and the number given
     */
    private void checkRanges() {
        // numbers the user typed for settings, no secrets: named back, as vlmeta names a limit out of range
        OptionRanges.between("--port", port, 0, MAX_PORT);
        OptionRanges.atLeast("--polls-to-complete", pollsToComplete, 0);
        if (maxTokenAge != null) {
            OptionRanges.positive("--max-token-age", maxTokenAge);
        }
        OptionRanges.notNegative("--apply-delay", applyDelay);
        OptionRanges.fraction("--unavailable-fraction", unavailableFraction);
        OptionRanges.fraction("--too-many-requests", tooManyRequestsFraction);
        OptionRanges.atLeast("--retry-after", retryAfterSeconds, 0);
        OptionRanges.notNegative("--delay", delay);
        OptionRanges.fraction("--drop-fraction", dropFraction);
        OptionRanges.fraction("--bad-gateway-fraction", badGatewayFraction);
    }

    private String secret() {
        if (apiSecret != null && apiSecretFile != null) {
            throw usage("give --api-secret or --api-secret-file, not both");
        }
        if (apiSecretFile == null) {
            return apiSecret;
        }
        try {
            // the client's rule: a secret file the client refuses would otherwise start a server it cannot sign in to
            return SecretFile.read(apiSecretFile);
        } catch (VlmetaException e) {
            throw usage(e.getMessage());
        }
    }

    private void addFailure(FaultPlan.Builder faults, String failure) {
        String[] parts = failure.split(":");
        if (parts.length == 3 && parts[1].matches(NUMBER) && parts[2].matches(NUMBER)) {
            int n = Integer.parseInt(parts[1]);
            int status = Integer.parseInt(parts[2]);
            checkEndpointAndNumber("--fail-nth", parts[0], n);
            OptionRanges.between("--fail-nth's STATUS", status, MIN_FAILURE_STATUS, MAX_FAILURE_STATUS);
            faults.failNth(parts[0], n, status);
            return;
        }
        // the value is not shown, as no refusal of vlmeta shows a word it could not read
        throw usage("--fail-nth takes ENDPOINT:N:STATUS, N and STATUS whole numbers, e.g. upload:3:503; the value "
                + "given is not of that form.");
    }

    /** @return ENDPOINT and N of an {@code ENDPOINT:N} value, N a whole number and ENDPOINT one of the API's */
    private String[] endpointAndNumber(String option, String value) {
        String[] parts = value.split(":");
        if (parts.length == 2 && parts[1].matches(NUMBER)) {
            checkEndpointAndNumber(option, parts[0], Integer.parseInt(parts[1]));
            return parts;
        }
        throw usage(option + " takes ENDPOINT:N, N a whole number, e.g. upload:2; the value given is not of that "
                + "form.");
    }

    /** @throws CommandLine.ParameterException naming the option, when ENDPOINT is none of the API's or N is below 1 */
    private void checkEndpointAndNumber(String option, String endpoint, int n) {
        requireOneOf(option, "ENDPOINT", endpoint, FaultPlan.ENDPOINTS);
        OptionRanges.atLeast(option + "'s N", n, 1);
    }

    /**
     * @param what     the part of the option's value that names one of {@code accepted}, e.g. {@code ENDPOINT}
     * @param accepted the names the part takes, in the order to list them
     * @throws CommandLine.ParameterException when {@code name} is not one of {@code accepted}; the name is not
     *     repeated, as a word that is none of an option's few accepted ones may be a secret typed in the wrong place
     */
    private void requireOneOf(String option, String what, String name, Collection<String> accepted) {
        if (!accepted.contains(name)) {
            throw usage(option + "'s " + what + " must be one of " + String.join(", ", accepted) + "; the " + what
                    + " given is not one");
        }
    }

    private Map<String, List<String>> readDatasets() {
        Map<String, List<String>> media = new LinkedHashMap<>();
        datasets.forEach((id, file) -> {
            try {
                media.put(id, DatasetFiles.read(file));
            } catch (FileListException e) {
                throw usage("Cannot read the file list of dataset '" + id + "' (" + file + "): " + e.getMessage());
            }
        });
        return media;
    }

    private void printBanner(Emulator emulator, Map<String, List<String>> media) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Visual Layer emulator listening on " + emulator.baseUrl()
                + (apiKey == null ? " (on-premises, no authentication)" : " (tokens required for API key " + apiKey + ")"));
        TaskPolicy policy = strict ? TaskPolicy.ONE_UPLOAD : taskPolicy;
        if (policy != TaskPolicy.OPEN_UNTIL_FAILED || !applyDelay.isZero() || applyCutOffUploads) {
            out.println("  tasks: " + policy + (applyDelay.isZero() ? "" : ", files applied " + applyDelay.toMillis()
                    + " ms after their answer") + (applyCutOffUploads ? ", cut-off uploads applied in part" : ""));
        }
        media.forEach((id, names) -> out.println("  dataset " + id + ": " + names.size() + " media, "
                + statuses.getOrDefault(id, "READY")));
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    /**
     * Stops the emulator and writes the {@code --dump} file, once, whether Ctrl+C or the command's own end
     * gets here first.
     *
     * @return false when the state was to be written and could not be (the reason is printed), true otherwise
     */
    private boolean finish(Emulator emulator) {
        if (!finished.compareAndSet(false, true)) {
            return true;
        }
        stopped.countDown();
        try {
            if (dump != null) {
                try (Writer writer = Files.newBufferedWriter(dump, StandardCharsets.UTF_8)) {
                    emulator.dumpJson(writer);
                }
                spec.commandLine().getOut().println("State written to " + dump);
                spec.commandLine().getOut().flush();
            }
        } catch (IOException e) {
            spec.commandLine().getErr().println("Error: Cannot write the state to " + dump + ": "
                    + FileProblems.whyDumpUnwritable(dump, e));
            spec.commandLine().getErr().flush();
            return false;
        } finally {
            emulator.close();
        }
        return true;
    }

    /**
     * @param message what the user must settle, one sentence
     * @return the refusal as every vlmeta command words one on standard error: {@code Error: }, the sentence, a
     *     full stop (exit code 2, with where help is)
     */
    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), "Error: " + message
                + (message.endsWith(".") ? "" : "."));
    }

    /** Runs the command on its own, e.g. {@code java -cp ... io.vlmeta.emulator.EmulatorCommand --dataset demo=files.txt}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new EmulatorCommand()).execute(args));
    }
}
