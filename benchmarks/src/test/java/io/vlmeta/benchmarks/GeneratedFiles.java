package io.vlmeta.benchmarks;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads back what the generator wrote, with an independent CSV parser setup. */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    static Path generate(Path folder, long rows, long seed, OutputFormat format) {
        GenerateArguments arguments = new GenerateArguments(rows, seed, folder, format);
        Generate.write(arguments);
        return folder;
    }

    /** @return every record of a CSV file, the header included */
    static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(reader).getRecords();
        }
    }

    /** @return one column of a metadata file's data rows */
    static List<String> column(List<CSVRecord> records, String name) {
        int index = records.get(0).toList().indexOf(name);
        return records.stream().skip(1).map(r -> r.get(index)).toList();
    }
}
