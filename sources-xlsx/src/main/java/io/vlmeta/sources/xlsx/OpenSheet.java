package io.vlmeta.sources.xlsx;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * One sheet of an .xlsx package opened for streaming: the package stays open (POI reads its zip
 * entries on demand, with its inflate-ratio guard) and the sheet's XML is pulled row by row.
 * Shared strings and styles are loaded whole, as POI's event API does; they are small next to the
 * sheet in the files this reads.
 */
final class OpenSheet implements AutoCloseable {
    private final OPCPackage workbook;
    private final InputStream sheetXml;
    private final SheetRowReader rows;
    private final Path path;
    private final String file;
    private final String sheetName;
    private final String where;
    private boolean closed;

    private OpenSheet(OPCPackage workbook, InputStream sheetXml, SheetRowReader rows, Path path, String file,
                      String sheetName, String where) {
        this.workbook = workbook;
        this.sheetXml = sheetXml;
        this.rows = rows;
        this.path = path;
        this.file = file;
        this.sheetName = sheetName;
        this.where = where;
    }

    /**
     * @param path       the workbook, already known to be an OOXML package
     * @param file       the file as the user named it
     * @param sheetAsked the {@code sheet} option, or {@code null}
     */
    static OpenSheet open(Path path, String file, String sheetAsked) {
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(path.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw WorkbookFailures.translatePackageOpen(e, path, file);
        }
        InputStream sheetXml = null;
        String where = file;
        try {
            XSSFReader reader = new XSSFReader(workbook, true);
            WorkbookCatalog catalog;
            try (InputStream workbookXml = reader.getWorkbookData()) {
                catalog = WorkbookCatalog.read(workbookXml);
            }
            WorkbookCatalog.Sheet sheet = SheetChoice.pick(catalog.sheets(), sheetAsked, file);
            where = file + ", sheet '" + sheet.name() + "'";
            CellDecoder decoder = new CellDecoder(new ReadOnlySharedStringsTable(workbook, false),
                    new NumberFormatStyles(reader.getStylesTable()), catalog.date1904());
            sheetXml = reader.getSheet(sheet.relationshipId());
            return new OpenSheet(workbook, sheetXml, new SheetRowReader(sheetXml, decoder, where), path, file,
                    sheet.name(), where);
        } catch (Exception e) {
            closeQuietly(sheetXml);
            workbook.revert();
            throw WorkbookFailures.translate(e, path, file, where);
        }
    }

    /** @return the next row, or {@code null} after the last one and once closed */
    SheetRow nextRow() {
        if (closed) {
            return null;
        }
        try {
            return rows.next();
        } catch (Exception e) {
            throw WorkbookFailures.translate(e, path, file, where);
        }
    }

    String sheetName() {
        return sheetName;
    }

    /** @return the file and sheet, e.g. {@code book.xlsx, sheet 'metadata'} */
    String where() {
        return where;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rows.close();
        } catch (Exception e) {
            // closing a parser over a stream we close next has nothing left to report
        }
        closeQuietly(sheetXml);
        // revert, not close: close() on a package opened for reading would try to save it
        workbook.revert();
    }

    private static void closeQuietly(InputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // a read-only zip entry stream has nothing to flush
        }
    }
}
