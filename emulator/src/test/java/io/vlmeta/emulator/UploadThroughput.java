package io.vlmeta.emulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures how fast the emulator ingests uploads: {@code rows} media x 8 fields of mixed types, in
 * files of 50,000 entries, four fields at a time. A measurement to run by hand, not a test:
 * {@code java -cp ... io.vlmeta.emulator.UploadThroughput 1000000}.
 */
public final class UploadThroughput {
    private static final String[] DECLARATIONS = {
        "{\"field_name\": \"f0\", \"field_type\": \"float\"}",
        "{\"field_name\": \"f1\", \"field_type\": \"string\"}",
        "{\"field_name\": \"f2\", \"field_type\": \"datetime\"}",
        "{\"field_name\": \"f3\", \"field_type\": \"enum\", \"enum_options\": [\"a\", \"b\", \"c\"]}",
        "{\"field_name\": \"f4\", \"field_type\": \"enum\", \"enum_options\": [\"t1\", \"t2\", \"t3\"], \"is_multi\": true}",
        "{\"field_name\": \"f5\", \"field_type\": \"link\"}",
        "{\"field_name\": \"f6\", \"field_type\": \"float\"}",
        "{\"field_name\": \"f7\", \"field_type\": \"string\"}",
    };

    private UploadThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batch = 50_000;
        List<String> files = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            files.add("images/folder" + (i % 100) + "/img" + i + ".jpg");
        }
        long started = System.nanoTime();
        try (Emulator emulator = Emulator.start(EmulatorConfig.builder().pollsToComplete(0).build())) {
            System.out.printf("started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            long added = System.nanoTime();
            emulator.addDataset("perf", files);
            System.out.printf("added %,d media in %d ms%n", rows, (System.nanoTime() - added) / 1_000_000);
            String[] mediaIds = new String[rows];
            for (int i = 0; i < rows; i++) {
                mediaIds[i] = emulator.mediaId("perf", files.get(i));
            }
            files = null;
            ApiClient api = new ApiClient(emulator);
            HttpClient http = HttpClient.newHttpClient();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Long>> results = new ArrayList<>();
            long sent = System.nanoTime();
            for (int field = 0; field < DECLARATIONS.length; field++) {
                int f = field;
                String task = api.declare("perf", DECLARATIONS[field]);
                results.add(pool.submit(() -> {
                    long bytes = 0;
                    for (int from = 0; from < rows; from += batch) {
                        byte[] body = body(f, mediaIds, from, Math.min(rows, from + batch));
                        bytes += body.length;
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl()
                                        + "/api/v1/datasets/perf/custom_metadata/tasks/" + task))
                                .header("Content-Type", "multipart/form-data; boundary=" + ApiClient.BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                            throw new IllegalStateException(response.body());
                        }
                    }
                    String status = api.status("perf", task).body();
                    if (!status.contains("\"inserted_rows\":" + rows)) {
                        throw new IllegalStateException(status);
                    }
                    return bytes;
                }));
            }
            long bytes = 0;
            for (Future<Long> result : results) {
                bytes += result.get();
            }
            double seconds = (System.nanoTime() - sent) / 1e9;
            pool.shutdown();
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            System.out.printf("%,d rows x %d fields (%,d MB of JSON, including building it) in %.2f s: %,.0f rows/s;"
                            + " heap used after GC %,d MB%n", rows, DECLARATIONS.length, bytes >> 20, seconds,
                    rows / seconds, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
    }

    private static byte[] body(int field, String[] mediaIds, int from, int to) {
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
