package io.vlmeta.sources.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a wide CSV for measuring memory against row width: {@code file_fullpath} and columns
 * {@code c1..cN}, each cell one digit, plus the matching {@code export.csv} ({@code filename,media_id}).
 * 10,000 columns by 1,000 rows is a 20 MB file. Usage: {@code WideCsvMain COLUMNS ROWS FOLDER}.
 */
public final class WideCsvMain {

    private WideCsvMain() {
    }

    public static void main(String[] args) throws IOException {
        int columns = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        Path folder = Files.createDirectories(Path.of(args[2]));
        try (BufferedWriter csv = Files.newBufferedWriter(folder.resolve("wide.csv"), StandardCharsets.UTF_8);
             BufferedWriter export = Files.newBufferedWriter(folder.resolve("export.csv"), StandardCharsets.UTF_8)) {
            csv.write("file_fullpath");
            for (int c = 1; c <= columns; c++) {
                csv.write(",c" + c);
            }
            csv.write("\n");
            export.write("filename,media_id\n");
            for (int r = 1; r <= rows; r++) {
                String path = String.format("images/img_%06d.jpg", r);
                csv.write(path);
                for (int c = 1; c <= columns; c++) {
                    csv.write(',');
                    csv.write((char) ('0' + (r + c) % 10));
                }
                csv.write("\n");
                export.write(path + ",00000000-0000-4000-8000-" + String.format("%012d", r) + "\n");
            }
        }
    }
}
