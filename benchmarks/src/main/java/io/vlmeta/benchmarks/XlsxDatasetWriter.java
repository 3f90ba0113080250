package io.vlmeta.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the metadata as an Excel workbook with POI's streaming {@link SXSSFWorkbook}, so memory stays
 * flat in rows. Cells are typed as a spreadsheet user's would be: floats are number cells, zone-less
 * datetimes and dates are date cells, everything else is text.
 */
public final class XlsxDatasetWriter implements DatasetWriter {

    /** The sheet the metadata is written to. */
    public static final String SHEET_NAME = "metadata";

    // rows kept in memory before POI flushes them to its temporary file
    private static final int WINDOW_ROWS = 200;

    private final Path file;
    private final SXSSFWorkbook workbook;
    private final Sheet sheet;
    private final CellStyle dateTimeStyle;
    private final CellStyle dateStyle;
    private final List<BenchmarkField> fields = BenchmarkSchema.FIELDS;
    private int nextRow;

    /**
     * @param file the file to create or replace when the writer is closed
     */
    public XlsxDatasetWriter(Path file) {
        this.file = file;
        this.workbook = new SXSSFWorkbook(WINDOW_ROWS);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(SHEET_NAME);
        short dateTimeFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
        short dateFormat = workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd");
        this.dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(dateTimeFormat);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(dateFormat);
        Row header = sheet.createRow(nextRow++);
        List<String> names = BenchmarkSchema.header();
        for (int column = 0; column < names.size(); column++) {
            header.createCell(column).setCellValue(names.get(column));
        }
    }

    @Override
    public void write(MetadataRow row) {
        Row sheetRow = sheet.createRow(nextRow++);
        sheetRow.createCell(0).setCellValue(row.path());
        for (int field = 0; field < fields.size(); field++) {
            String value = row.value(field);
            if (!value.isEmpty()) {
                writeCell(sheetRow.createCell(field + 1), fields.get(field).type(), value);
            }
        }
    }

    private void writeCell(Cell cell, String type, String value) {
        if (type.equals("float")) {
            cell.setCellValue(Double.parseDouble(value));
        } else if (type.equals("datetime") && value.length() == 10) {
            cell.setCellValue(LocalDate.parse(value));
            cell.setCellStyle(dateStyle);
        } else if (type.equals("datetime") && value.length() == 19) {
            cell.setCellValue(LocalDateTime.parse(value.replace(' ', 'T')));
            cell.setCellStyle(dateTimeStyle);
        } else {
            cell.setCellValue(value);
        }
    }

    @Override
    public void close() throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } finally {
            // since POI 5, close() also deletes the temporary files the streaming sheets wrote
            workbook.close();
        }
    }
}
