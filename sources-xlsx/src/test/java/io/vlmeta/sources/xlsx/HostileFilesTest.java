package io.vlmeta.sources.xlsx;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Files that are not what their name says, or that try to hurt the reader, are refused with a sentence. */
class HostileFilesTest {
    @TempDir
    Path dir;

    private static void assertRefused(Path file, ErrorCode code, String message) {
        assertThatThrownBy(() -> SheetReading.of(file))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void aTextFileNamedXlsxIsNotAWorkbook() throws IOException {
        Path file = Files.writeString(dir.resolve("data.xlsx"), "file_fullpath,score\nimages/a.jpg,1\n");

        assertRefused(file, ErrorCode.INPUT_UNREADABLE, file + " is not an Excel workbook: its content is not an .xlsx"
                + " (zip) package; save the sheet as .xlsx from a spreadsheet program, or read a text file with --source csv.");
    }

    @Test
    void aZipBombIsRefusedByTheInflateRatioGuard() throws IOException {
        Path file = new XlsxPackageWriter().paddingBeforeRows(4L * 1024 * 1024)
                .sheet("metadata", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>file_fullpath</t></is></c></row>")
                .write(dir.resolve("bomb.xlsx"));
        assertThat(Files.size(file)).isLessThan(64 * 1024);

        assertRefused(file, ErrorCode.INPUT_MALFORMED, file + " was refused because it unpacks to far more data than"
                + " its size suggests (a possible zip bomb); if the workbook is genuine, open it in a spreadsheet"
                + " program and save it again.");
    }

    @Test
    void thePaddingAloneIsHarmlessBelowTheGuardsThreshold() throws IOException {
        Path file = new XlsxPackageWriter().paddingBeforeRows(16 * 1024)
                .sheet("metadata", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>file_fullpath</t></is></c></row>"
                        + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a.jpg</t></is></c></row>")
                .write(dir.resolve("padded.xlsx"));

        assertThat(SheetReading.of(file).row(2).key()).isEqualTo("a.jpg");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedSayingHowToUnlockIt() throws Exception {
        Path file = dir.resolve("secret.xlsx");
        EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("hunter2");
        try (POIFSFileSystem container = new POIFSFileSystem(); XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("metadata").createRow(0).createCell(0).setCellValue("file_fullpath");
            try (OutputStream encrypted = encryptor.getDataStream(container)) {
                workbook.write(encrypted);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                container.writeFilesystem(out);
            }
        }

        assertRefused(file, ErrorCode.INPUT_UNREADABLE, file + " is password-protected; open it in a spreadsheet"
                + " program and save it without a password, then try again.");
    }

    @Test
    void anOldBinaryWorkbookIsRefusedWhateverItsName() throws IOException {
        Path xls = dir.resolve("old.xls");
        try (HSSFWorkbook workbook = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(xls)) {
            workbook.createSheet("metadata").createRow(0).createCell(0).setCellValue("file_fullpath");
            workbook.write(out);
        }
        Path renamed = Files.copy(xls, dir.resolve("renamed.xlsx"));

        assertThat(new XlsxSourceProvider().score(xls)).isEqualTo(10);
        assertRefused(xls, ErrorCode.INPUT_UNREADABLE, xls + " is an old binary Excel workbook (.xls), which vlmeta"
                + " does not read; open it in a spreadsheet program and save it as .xlsx.");
        assertRefused(renamed, ErrorCode.INPUT_UNREADABLE, renamed + " is an old binary Excel workbook (.xls), which"
                + " vlmeta does not read; open it in a spreadsheet program and save it as .xlsx.");
    }

    @Test
    void aZipThatIsNoOfficePackageIsRefused() throws IOException {
        Path file = dir.resolve("archive.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertRefused(file, ErrorCode.INPUT_UNREADABLE, file + " is a zip file but not an Excel .xlsx workbook; open it"
                + " in a spreadsheet program and save it as .xlsx.");
    }

    @Test
    void anOpenDocumentSpreadsheetIsNamedAsSuch() throws IOException {
        Path file = dir.resolve("sheet.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            for (String part : new String[] {"content.xml", "settings.xml"}) {
                zip.putNextEntry(new ZipEntry(part));
                zip.write("<office:document/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }

        assertRefused(file, ErrorCode.INPUT_UNREADABLE, file + " is an OpenDocument spreadsheet (.ods), not an .xlsx"
                + " workbook; open it in a spreadsheet program and save it as .xlsx.");
    }

    @Test
    void aSheetWithBrokenXmlIsRefusedWithThePlace() throws IOException {
        Path file = new XlsxPackageWriter().sheet("metadata", "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>file_fullpath"
                + "</t></is></c></row><row r=\"2\"><c r=\"A2\"></row>").write(dir.resolve("broken.xlsx"));

        assertThatThrownBy(() -> SheetReading.of(file))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code().exitCode()).isEqualTo(1))
                .hasMessageStartingWith(file + ", sheet 'metadata' holds damaged XML (line 1, column ")
                .hasMessageEndingWith("); open the file in a spreadsheet program and save it again.");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.xlsx"));

        assertRefused(file, ErrorCode.INPUT_UNREADABLE, file + " is empty, not an Excel workbook.");
    }

    @Test
    void aMissingFileIsUnreadable() {
        Path file = dir.resolve("nowhere.xlsx");

        assertRefused(file, ErrorCode.INPUT_UNREADABLE, file + " does not exist.");
    }
}
