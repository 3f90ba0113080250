package io.vlmeta.emulator;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the emulator's CPU time per ingested entry over real HTTP: the emulator runs as its own
 * process ({@code vlmeta emulator}), and the CPU that process spends while the uploads arrive (request
 * handling, parsing, storing, GC and JIT) is divided by the entries uploaded.
 * {@code rows} media x 8 fields of mixed types, in files of 50,000 entries, sent one at a time;
 * {@code rounds} rounds on fresh datasets, the first ones warming the JIT. A measurement to run by
 * hand, not a test (see {@code docs/emulator.md}):
 * {@code java -cp <emulator test classpath> io.vlmeta.emulator.IngestCpuBenchmark 200000 7}.
 */
public final class IngestCpuBenchmark {
    private static final int BATCH = 50_000;
    private static final Pattern BASE_URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

    private IngestCpuBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path list = Files.createTempFile("vlmeta-bench-media", ".txt");
        List<String> files = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            files.add("images/folder" + (i % 100) + "/img" + i + ".jpg");
        }
        Files.write(list, files);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // e.g. -Demulator.jvm.options=-XX:StartFlightRecording=filename=emulator.jfr to profile the server
        String jvmOptions = System.getProperty("emulator.jvm.options", "");
        if (!jvmOptions.isBlank()) {
            command.addAll(List.of(jvmOptions.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmulatorCommand.class.getName(),
                "--port", "0"));
        for (int round = 0; round < rounds; round++) {
            command.add("--dataset");
            command.add("bench" + round + "=" + list);
        }
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        double[] perEntry = new double[rounds];
        try {
            String baseUrl = baseUrl(server);
            HttpClient http = HttpClient.newHttpClient();
            ApiClient api = new ApiClient(baseUrl, null);
            for (int round = 0; round < rounds; round++) {
                String dataset = "bench" + round;
                String[] mediaIds = new String[rows];
                for (int i = 0; i < rows; i++) {
                    mediaIds[i] = MediaIds.derive(dataset, files.get(i)).toString();
                }
                List<String> tasks = new ArrayList<>();
                List<byte[]> bodies = new ArrayList<>();
                for (int field = 0; field < UploadBodies.DECLARATIONS.length; field++) {
                    tasks.add(api.declare(dataset, UploadBodies.DECLARATIONS[field]));
                    for (int from = 0; from < rows; from += BATCH) {
                        bodies.add(UploadBodies.multipart(field, mediaIds, from, Math.min(rows, from + BATCH)));
                    }
                }
                int perField = (rows + BATCH - 1) / BATCH;
                Duration cpuBefore = cpu(server);
                for (int i = 0; i < bodies.size(); i++) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                                    + "/api/v1/datasets/" + dataset + "/custom_metadata/tasks/" + tasks.get(i / perField)))
                            .header("Content-Type", "multipart/form-data; boundary=" + ApiClient.BOUNDARY)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException(response.body());
                    }
                }
                Duration used = cpu(server).minus(cpuBefore);
                long entries = (long) rows * UploadBodies.DECLARATIONS.length;
                for (String task : tasks) {
                    String status = api.pollToEnd(dataset, task).toString();
                    String body = api.status(dataset, task).body();
                    if (!body.contains("\"inserted_rows\":" + rows + ",")) {
                        throw new IllegalStateException(status + " " + body);
                    }
                }
                perEntry[round] = used.toNanos() / 1000.0 / entries;
                System.out.printf("round %d: %,d entries, emulator process CPU %,d ms, %.3f us per entry%n", round + 1,
                        entries, used.toMillis(), perEntry[round]);
            }
        } finally {
            server.destroy();
            server.waitFor();
            Files.deleteIfExists(list);
        }
        double[] warm = Arrays.copyOfRange(perEntry, Math.min(2, rounds - 1), rounds);
        Arrays.sort(warm);
        System.out.printf("median of rounds 3..%d: %.3f us of emulator CPU per entry%n", rounds, warm[warm.length / 2]);
    }

    private static String baseUrl(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = BASE_URL.matcher(line);
            if (matcher.find()) {
                String url = matcher.group(1);
                while ((line = out.readLine()) != null && !line.startsWith("Press Ctrl+C")) {
                    // the dataset lines; the banner ends when the datasets are loaded
                }
                return url;
            }
        }
        throw new IllegalStateException("the emulator did not start");
    }

    /** @return the CPU time of the whole emulator process: requests, parsing, GC and JIT included */
    private static Duration cpu(Process server) {
        return server.toHandle().info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException("this platform does not report a process's CPU time"));
    }

    /** The eight fields of the benchmarks and their upload bodies. */
    static final class UploadBodies {
        static final String[] DECLARATIONS = {
            "{\"field_name\": \"f0\", \"field_type\": \"float\"}",
            "{\"field_name\": \"f1\", \"field_type\": \"string\"}",
            "{\"field_name\": \"f2\", \"field_type\": \"datetime\"}",
            "{\"field_name\": \"f3\", \"field_type\": \"enum\", \"enum_options\": [\"a\", \"b\", \"c\"]}",
            "{\"field_name\": \"f4\", \"field_type\": \"enum\", \"enum_options\": [\"t1\", \"t2\", \"t3\"],"
                    + " \"is_multi\": true}",
            "{\"field_name\": \"f5\", \"field_type\": \"link\"}",
            "{\"field_name\": \"f6\", \"field_type\": \"float\"}",
            "{\"field_name\": \"f7\", \"field_type\": \"string\"}",
        };

        private UploadBodies() {
        }

        static byte[] multipart(int field, String[] mediaIds, int from, int to) {
            StringBuilder json = new StringBuilder((to - from) * 80);
            json.append("--").append(ApiClient.BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\";"
                    + " filename=\"batch.json\"\r\nContent-Type: application/json\r\n\r\n[");
            for (int i = from; i < to; i++) {
                json.append(i == from ? "" : ",").append("{\"media_id\":\"").append(mediaIds[i]).append("\",\"value\":");
                switch (field) {
                    case 0 -> json.append(i * 0.25);
                    case 1 -> json.append("\"note number ").append(i).append('"');
                    case 2 -> json.append("\"2024-01-").append(10 + i % 20).append("T10:30:00Z\"");
                    case 3 -> json.append(i % 3 == 0 ? "\"a\"" : "\"b\"");
                    case 4 -> json.append("[\"t1\",\"t3\"]");
                    case 5 -> json.append("\"https://example.com/docs/").append(i).append(".pdf\"");
                    case 6 -> json.append(i);
                    default -> json.append("\"").append(Integer.toHexString(i)).append('"');
                }
                json.append('}');
            }
            json.append("]\r\n--").append(ApiClient.BOUNDARY).append("--\r\n");
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
