package io.vlmeta.sources.xlsx;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses, before POI parses anything, files that are not an .xlsx package: judged by their first
 * bytes, not their name, so a renamed old workbook or a password-protected one gets a message that
 * says what it is and how to fix it.
 */
final class WorkbookContentCheck {

    private WorkbookContentCheck() {
    }

    /**
     * @param path the file
     * @param file the file as the user named it, for messages
     * @throws VlmetaException when the file cannot be read (saying why, in {@link FileFaults}' words, as every file
     *     vlmeta reads is refused) or is not an .xlsx package
     */
    static void requireXlsxPackage(Path path, String file) {
        if (Files.isDirectory(path)) {
            // FileFaults' words, and what to give instead
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, file + " is a folder, not an Excel workbook.");
        }
        FileMagic magic = magicOf(path, file);
        switch (magic) {
            case OOXML -> { }
            case OLE2 -> refuseOle2(path, file);
            case BIFF2, BIFF3, BIFF4 -> throw oldExcel(file);
            case XML -> throw FileFaults.damagedInput(file + " is an XML file (such as an Excel 2003 XML"
                    + " spreadsheet), not an .xlsx workbook; open it in a spreadsheet program and save it as .xlsx.");
            default -> throw FileFaults.damagedInput(file + " is not an Excel workbook: its content is not an"
                    + " .xlsx (zip) package; save the sheet as .xlsx from a spreadsheet program, or read a text"
                    + " file with --source csv.");
        }
    }

    private static FileMagic magicOf(Path path, String file) {
        try {
            if (Files.size(path) == 0) {
                throw FileFaults.damagedInput(file + " is empty, not an Excel workbook.");
            }
            return FileMagic.valueOf(path.toFile());
        } catch (IOException e) {
            // a file that is missing, a symbolic link to nothing, or one this user may not read, is found here
            throw FileFaults.unreadableInput(path, file, e);
        }
    }


    // An OLE2 container is either an old binary workbook or the wrapper Office puts around an
    // encrypted .xlsx (EncryptionInfo + EncryptedPackage).
    private static void refuseOle2(Path path, String file) {
        try (POIFSFileSystem container = new POIFSFileSystem(path.toFile(), true)) {
            DirectoryNode root = container.getRoot();
            if (root.hasEntry("EncryptedPackage")) {
                throw FileFaults.damagedInput(file + " is password-protected; open it in a spreadsheet program"
                        + " and save it without a password, then try again.");
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                throw oldExcel(file);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof VlmetaException refusal) {
                throw refusal;
            }
            throw FileFaults.damagedInput(file + " looks like an old Office document but cannot be read; open it"
                    + " in a spreadsheet program and save it as .xlsx.");
        }
        throw FileFaults.damagedInput(file + " is an old Office document that holds no workbook (perhaps a Word"
                + " or PowerPoint file); save the sheet as .xlsx from a spreadsheet program.");
    }

    private static VlmetaException oldExcel(String file) {
        return FileFaults.damagedInput(file + " is an old binary Excel workbook (.xls), which vlmeta does not read;"
                + " open it in a spreadsheet program and save it as .xlsx.");
    }
}
