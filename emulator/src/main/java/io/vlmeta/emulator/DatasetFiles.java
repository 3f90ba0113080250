package io.vlmeta.emulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads the media file names of a dataset for the command line: either an export CSV (a header
 * with a {@code filename} column, as the export endpoint writes) or one file name per line.
 */
final class DatasetFiles {
    private DatasetFiles() {
    }

    /**
     * @return the file names, in the file's order, blank ones left out; empty for an empty file
     * @throws FileListException when the file cannot be read (missing, a folder, not readable, not UTF-8 text),
     *     or is an export CSV (its header names {@code filename}, or {@code media_id} as an export does) that
     *     cannot be read as one: a quote left open, text after a closing quote, a header naming a column twice
     *     or leaving one unnamed, a row without a {@code filename} value, no {@code filename} column; the
     *     message says which, in plain words, with the line where one is known
     */
    static List<String> read(Path file) throws FileListException {
        if (Files.isDirectory(file)) {
            throw new FileListException("it is a folder; " + FileProblems.FILE_LIST_ACCEPTED, null);
        }
        try {
            return readNames(file);
        } catch (UncheckedIOException e) {
            // commons-csv reports a quote left open through its iterator, unchecked
            throw new FileListException(FileProblems.whyFileListUnreadable(file, e.getCause()), e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv refuses a header naming a column twice, or leaving one unnamed, as an illegal argument
            throw new FileListException(FileProblems.whyFileListUnreadable(file, e), e);
        }
    }

    private static List<String> readNames(Path file) throws IOException, FileListException {
        String firstLine;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            firstLine = reader.readLine();
        }
        if (firstLine == null) {
            return List.of();
        }
        List<String> header = header(firstLine);
        if (header.contains("filename")) {
            return readExport(file);
        }
        if (header.contains("media_id")) {
            // an export whose 'filename' column is missing or misnamed: its lines are no file names
            throw new FileListException("it has a 'media_id' column, as an export does, but no 'filename' column (its "
                    + "columns: " + String.join(", ", header) + "); give an export CSV with 'filename', or one file "
                    + "name per line", null);
        }
        return readLines(file);
    }

    /** @return the first line's cells, trimmed, as a CSV header; one cell when it does not read as CSV */
    private static List<String> header(String firstLine) {
        List<String> cells = new ArrayList<>();
        try (CSVParser header = CSVFormat.DEFAULT.parse(new java.io.StringReader(stripBom(firstLine)))) {
            for (CSVRecord record : header) {
                record.forEach(cell -> cells.add(cell.trim()));
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of(firstLine); // a file name with an odd quote: read as one name per line
        }
        return cells;
    }

    private static List<String> readExport(Path file) throws IOException, FileListException {
        List<String> names = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                     // a column named twice leaves no telling which holds the file names
                     .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).build().parse(reader)) {
            String column = csv.getHeaderNames().stream().filter(name -> stripBom(name).trim().equals("filename"))
                    .findFirst().orElseThrow();
            for (CSVRecord record : csv) {
                if (!record.isSet(column)) {
                    throw new FileListException("record " + record.getRecordNumber() + " (line "
                            + csv.getCurrentLineNumber() + ") has no 'filename' value; give every row of the export"
                            + " a file name", null);
                }
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
