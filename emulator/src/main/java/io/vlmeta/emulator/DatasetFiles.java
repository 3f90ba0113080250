package io.vlmeta.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the media file names of a dataset for the command line: either an export CSV (a header
 * with a {@code filename} column, as the export endpoint writes) or one file name per line.
 */
final class DatasetFiles {
    private DatasetFiles() {
    }

    /** @throws IOException when the file cannot be read */
    static List<String> read(Path file) throws IOException {
        String firstLine;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            firstLine = reader.readLine();
        }
        if (firstLine == null) {
            return List.of();
        }
        return headerNamesFilename(firstLine) ? readExport(file) : readLines(file);
    }

    private static boolean headerNamesFilename(String firstLine) throws IOException {
        try (CSVParser header = CSVFormat.DEFAULT.parse(new java.io.StringReader(stripBom(firstLine)))) {
            for (CSVRecord record : header) {
                for (String column : record) {
                    if (column.trim().equals("filename")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> readExport(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                     .build().parse(reader)) {
            String column = csv.getHeaderNames().stream().filter(name -> stripBom(name).trim().equals("filename"))
                    .findFirst().orElseThrow();
            for (CSVRecord record : csv) {
                String name = record.get(column);
                if (!name.isBlank()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static List<String> readLines(Path file) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = stripBom(line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
