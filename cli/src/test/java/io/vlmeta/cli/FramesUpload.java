package io.vlmeta.cli;

import io.vlmeta.emulator.Emulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The upload the packaged jar is stopped in the middle of: {@value #ROWS} frames, each with a
 * {@code score} (float, row number / 100) and a {@code label} (enum, cycling alpha, beta, gamma),
 * sent in batches of 1,000 so that many requests are in flight when it is stopped.
 */
final class FramesUpload {
    static final int ROWS = 30_000;
    private static final List<String> LABELS = List.of("alpha", "beta", "gamma");

    private FramesUpload() {
    }

    /** @return row {@code i}'s path in the dataset */
    static String file(int i) {
        return String.format("frames/%05d.jpg", i);
    }

    static BigDecimal score(int i) {
        return new BigDecimal(i).movePointLeft(2);
    }

    static String label(int i) {
        return LABELS.get(i % 3);
    }

    /** @return every row's path, for the emulator's dataset */
    static List<String> files() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            files.add(file(i));
        }
        return files;
    }

    /** Writes {@code frames.csv} (file_fullpath, score, label) into {@code dir}. */
    static Path csv(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("file_fullpath,score,label"));
        for (int i = 0; i < ROWS; i++) {
            lines.add(file(i) + "," + score(i).toPlainString() + "," + label(i));
        }
        return Files.write(dir.resolve("frames.csv"), lines, StandardCharsets.UTF_8);
    }

    /** @return the {@code vlmeta upload} arguments, journals in {@code stateDir} */
    static List<String> command(String dataset, Path csv, String baseUrl, Path stateDir) {
        return new ArrayList<>(List.of("upload", "--csv", csv.toString(), "--dataset-id", dataset,
                "--base-url", baseUrl, "--state-dir", stateDir.toString(),
                "--batch-size", "1000", "--float-fields", "score", "--enum-fields", "label",
                "--sink-option", "poll-interval-ms=20"));
    }

    /** @return media id to score, as the server should hold them once the upload is done */
    static Map<String, Object> expectedScores(Emulator emulator, String dataset) {
        Map<String, Object> scores = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            scores.put(emulator.mediaId(dataset, file(i)), score(i));
        }
        return scores;
    }

    /** @return media id to label, as the server should hold them once the upload is done */
    static Map<String, Object> expectedLabels(Emulator emulator, String dataset) {
        Map<String, Object> labels = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            labels.put(emulator.mediaId(dataset, file(i)), label(i));
        }
        return labels;
    }
}
