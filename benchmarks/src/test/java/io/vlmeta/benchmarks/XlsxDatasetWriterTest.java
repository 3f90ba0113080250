package io.vlmeta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxDatasetWriterTest {

    private static final int ROWS = 400;

    @TempDir
    Path temp;

    @Test
    void holdsTheSameRowsAsTheCsvWithTypedCells() throws IOException {
        Path xlsx = GeneratedFiles.generate(temp.resolve("xlsx"), ROWS, 5, OutputFormat.XLSX).resolve("metadata.xlsx");
        List<CSVRecord> csv = GeneratedFiles.readCsv(
                GeneratedFiles.generate(temp.resolve("csv"), ROWS, 5, OutputFormat.CSV).resolve("metadata.csv"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx.toFile())) {
            Sheet sheet = workbook.getSheet("metadata");
            assertThat(sheet.getLastRowNum()).isEqualTo(ROWS);
            assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("source_url");
            int numbers = 0;
            int dates = 0;
            for (int r = 1; r <= ROWS; r++) {
                Row row = sheet.getRow(r);
                CSVRecord expected = csv.get(r);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(expected.get(0));
                if (!expected.get(2).isEmpty()) {
                    assertThat(row.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(Double.parseDouble(expected.get(2)));
                    numbers++;
                } else {
                    assertThat(row.getCell(2)).isNull();
                }
                String datetime = expected.get(4);
                if (datetime.length() == 19) {
                    assertThat(DateUtil.isCellDateFormatted(row.getCell(4))).isTrue();
                    assertThat(row.getCell(4).getLocalDateTimeCellValue())
                            .isEqualTo(LocalDateTime.parse(datetime.replace(' ', 'T')));
                    dates++;
                } else if (datetime.length() > 10) {
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo(datetime);
                }
                assertThat(row.getCell(7) == null ? "" : row.getCell(7).getStringCellValue()).isEqualTo(expected.get(7));
            }
            assertThat(numbers).isGreaterThan(ROWS / 2);
            assertThat(dates).isPositive();
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
