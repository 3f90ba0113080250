package io.vlmeta.sources.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal .xlsx package from sheet XML given by the test, for cell forms spreadsheet
 * libraries rarely write on request (boolean formulas, rich inline text, omitted references, the
 * 1904 date system). Style 1 is a date format (numFmt 14), style 2 a date-time format (numFmt 22);
 * {@link #numberFormats} adds styles from 3 on.
 */
final class XlsxPackageWriter {
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final List<String[]> sheets = new ArrayList<>();
    private final List<String> sharedStrings = new ArrayList<>();
    private boolean date1904;
    private long padding;
    private String numFmts = "";
    private final List<Integer> extraFormatIds = new ArrayList<>();
    private String defaultFont = "<font/>";

    XlsxPackageWriter date1904() {
        this.date1904 = true;
        return this;
    }

    /**
     * Adds one cell style per id, numbered from 3 in the order given.
     *
     * @param numFmtsXml the {@code <numFmt>} entries defining the custom ids among them (none for built-in ids)
     */
    XlsxPackageWriter numberFormats(String numFmtsXml, int... numFmtIds) {
        this.numFmts = numFmtsXml;
        for (int id : numFmtIds) {
            extraFormatIds.add(id);
        }
        return this;
    }

    /** @param fontXml the first {@code <font>} of the styles, the one the Normal style uses */
    XlsxPackageWriter defaultFont(String fontXml) {
        this.defaultFont = fontXml;
        return this;
    }

    XlsxPackageWriter sharedStrings(String... strings) {
        sharedStrings.addAll(List.of(strings));
        return this;
    }

    /** @param rowsXml the {@code <row>} elements of the sheet's {@code <sheetData>} */
    XlsxPackageWriter sheet(String name, String rowsXml) {
        sheets.add(new String[] {name, rowsXml});
        return this;
    }

    /** Puts that many spaces before the first sheet's rows: legal XML that deflates about a thousand to one. */
    XlsxPackageWriter paddingBeforeRows(long spaces) {
        this.padding = spaces;
        return this;
    }

    Path write(Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "[Content_Types].xml", contentTypes());
            put(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            put(zip, "xl/workbook.xml", workbook());
            put(zip, "xl/_rels/workbook.xml.rels", workbookRelationships());
            StringBuilder extraXfs = new StringBuilder();
            extraFormatIds.forEach(id -> extraXfs.append("<xf numFmtId=\"").append(id).append("\" applyNumberFormat=\"1\"/>"));
            put(zip, "xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\">"
                    + (numFmts.isEmpty() ? "" : "<numFmts>" + numFmts + "</numFmts>")
                    + "<fonts count=\"1\">" + defaultFont + "</fonts>"
                    + "<fills count=\"1\"><fill/></fills><borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf/></cellStyleXfs><cellXfs count=\"" + (3 + extraFormatIds.size())
                    + "\"><xf numFmtId=\"0\"/>"
                    + "<xf numFmtId=\"14\" applyNumberFormat=\"1\"/><xf numFmtId=\"22\" applyNumberFormat=\"1\"/>"
                    + extraXfs + "</cellXfs></styleSheet>");
            StringBuilder strings = new StringBuilder("<sst xmlns=\"" + MAIN + "\">");
            sharedStrings.forEach(s -> strings.append("<si><t xml:space=\"preserve\">").append(s).append("</t></si>"));
            put(zip, "xl/sharedStrings.xml", strings.append("</sst>").toString());
            for (int i = 0; i < sheets.size(); i++) {
                zip.putNextEntry(new ZipEntry("xl/worksheets/sheet" + (i + 1) + ".xml"));
                zip.write(("<worksheet xmlns=\"" + MAIN + "\"><sheetData>").getBytes(StandardCharsets.UTF_8));
                if (i == 0) {
                    writeSpaces(zip, padding);
                }
                zip.write((sheets.get(i)[1] + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private String contentTypes() {
        StringBuilder types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            types.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return types.append("</Types>").toString();
    }

    private String workbook() {
        StringBuilder xml = new StringBuilder("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELS + "\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") + "<sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            xml.append("<sheet name=\"").append(sheets.get(i)[0]).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rIdSheet").append(i + 1).append("\"/>");
        }
        return xml.append("</sheets></workbook>").toString();
    }

    private String workbookRelationships() {
        StringBuilder xml = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rIdStyles\" Type=\"" + RELS + "/styles\" Target=\"styles.xml\"/>"
                + "<Relationship Id=\"rIdStrings\" Type=\"" + RELS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            xml.append("<Relationship Id=\"rIdSheet").append(i).append("\" Type=\"").append(RELS)
                    .append("/worksheet\" Target=\"worksheets/sheet").append(i).append(".xml\"/>");
        }
        return xml.append("</Relationships>").toString();
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void writeSpaces(OutputStream out, long count) throws IOException {
        byte[] spaces = new byte[64 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        for (long left = count; left > 0; left -= spaces.length) {
            out.write(spaces, 0, (int) Math.min(spaces.length, left));
        }
    }
}
