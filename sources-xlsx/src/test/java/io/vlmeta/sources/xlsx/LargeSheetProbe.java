package io.vlmeta.sources.xlsx;

import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.SourceRequest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a separate JVM with a small heap by {@link LargeSheetTest}: {@code stream FILE} reads the
 * sheet through the source and prints what it saw; {@code load FILE} loads the whole workbook into
 * memory the ordinary way, to show the heap is too small for that.
 */
public final class LargeSheetProbe {

    private LargeSheetProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        if ("load".equals(args[0])) {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new File(args[1]))) {
                Sheet sheet = workbook.getSheetAt(0);
                System.out.println(sheet.getLastRowNum() + " rows loaded");
            }
            return;
        }
        long count = 0;
        Record last = null;
        try (RecordSource source = new XlsxSourceProvider().open(new SourceRequest(file, null, Map.of()),
                ProblemReporter.DISCARD)) {
            for (Record record = source.next(); record != null; record = source.next()) {
                count++;
                last = record;
            }
        }
        System.out.println(count + " records; last: " + last.key() + " at row " + last.location().row()
                + ", score " + last.value("score").display() + ", taken " + last.value("taken").display());
    }
}
