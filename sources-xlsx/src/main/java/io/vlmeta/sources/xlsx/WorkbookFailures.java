package io.vlmeta.sources.xlsx;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * Turns what POI and the XML parser throw into one sentence for the user. The zip-bomb guard of
 * POI's {@code ZipSecureFile} stays on; it reports through an {@link IOException} whose message is
 * the only mark it leaves, possibly wrapped by the XML parser.
 */
final class WorkbookFailures {
    private static final String ZIP_BOMB_MARK = "Zip bomb detected";

    private WorkbookFailures() {
    }

    /**
     * @param failure what was thrown while opening or reading
     * @param path    the file
     * @param file    the file as the user named it
     * @param where   the file and, once known, the sheet, for messages
     * @return the exception to throw instead
     */
    static VlmetaException translate(Throwable failure, Path path, String file, String where) {
        if (failure instanceof VlmetaException known) {
            return known;
        }
        if (isZipBomb(failure)) {
            return new VlmetaException(ErrorCode.INPUT_MALFORMED, file + " was refused because it unpacks to far"
                    + " more data than its size suggests (a possible zip bomb); if the workbook is genuine, open"
                    + " it in a spreadsheet program and save it again.", failure);
        }
        if (failure instanceof ODFNotOfficeXmlFileException) {
            return FileFaults.damagedInput(file + " is an OpenDocument spreadsheet (.ods), not"
                    + " an .xlsx workbook; open it in a spreadsheet program and save it as .xlsx.", failure);
        }
        if (failure instanceof NotOfficeXmlFileException) {
            return notAnOfficePackage(failure, file);
        }
        if (failure instanceof XMLStreamException xml) {
            return FileFaults.damagedInput(where + " holds damaged XML" + position(xml)
                    + "; open the file in a spreadsheet program and save it again.", failure);
        }
        if (failure instanceof ZipException || failure instanceof EOFException) {
            return FileFaults.damagedInput(where + " is damaged: its compressed content cannot"
                    + " be unpacked; open the file in a spreadsheet program and save it again.", failure);
        }
        if (failure instanceof IOException io) {
            // in FileFaults' words, as every file vlmeta reads is refused; never the system's own text
            return FileFaults.unreadableInput(path, file, io);
        }
        // POI's exception class (InvalidOperationException) is Java's name, not the file's fault
        return FileFaults.damagedInput(file + " could not be read as an Excel workbook; open"
                + " it in a spreadsheet program and save it again as .xlsx.", failure);
    }

    /**
     * Like {@link #translate}, for failures of opening the zip package itself, where a package
     * without the parts every Office file has is a zip of something else.
     */
    static VlmetaException translatePackageOpen(Exception failure, Path path, String file) {
        if (failure instanceof InvalidFormatException && !isZipBomb(failure)) {
            return notAnOfficePackage(failure, file);
        }
        return translate(failure, path, file, file);
    }

    private static VlmetaException notAnOfficePackage(Throwable failure, String file) {
        return FileFaults.damagedInput(file + " is a zip file but not an Excel .xlsx"
                + " workbook; open it in a spreadsheet program and save it as .xlsx.", failure);
    }

    private static boolean isZipBomb(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = causeOf(cause)) {
            if (cause.getMessage() != null && cause.getMessage().contains(ZIP_BOMB_MARK)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable causeOf(Throwable failure) {
        if (failure.getCause() != null) {
            return failure.getCause();
        }
        return failure instanceof XMLStreamException xml ? xml.getNestedException() : null;
    }

    private static String position(XMLStreamException xml) {
        Location location = xml.getLocation();
        return location == null || location.getLineNumber() < 0
                ? ""
                : " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }
}
