package io.vlmeta.sources.xlsx;

import io.vlmeta.api.VlmetaException;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the rows of one sheet's XML one at a time, so memory does not grow with the sheet. A pull
 * parser (StAX) rather than a SAX handler, because {@link io.vlmeta.api.RecordSource} is pulled
 * record by record: no thread or row queue is needed between the two.
 *
 * <p>Elements are matched by local name only, so transitional and strict OOXML read alike.
 */
final class SheetRowReader implements AutoCloseable {
    private final XMLStreamReader xml;
    private final CellDecoder decoder;
    private final String where;
    private long lastRow;

    /**
     * @param sheetXml the sheet part's content; closed by the caller
     * @param decoder  interprets cells
     * @param where    the file and sheet, for messages about a damaged sheet
     */
    SheetRowReader(InputStream sheetXml, CellDecoder decoder, String where) throws XMLStreamException {
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetXml);
        this.decoder = decoder;
        this.where = where;
    }

    /** @return the next row, or {@code null} after the last one */
    SheetRow next() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                return readRow();
            }
        }
        return null;
    }

    private SheetRow readRow() throws XMLStreamException {
        long number = rowNumber(xml.getAttributeValue(null, "r"));
        lastRow = number;
        List<SheetRow.SheetCell> cells = new ArrayList<>();
        int nextColumn = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    SheetRow.SheetCell cell = readCell(number, nextColumn);
                    cells.add(cell);
                    nextColumn = cell.column() + 1;
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                return new SheetRow(number, cells);
            }
        }
    }

    // The r attribute is optional: a row without it follows the previous one.
    private long rowNumber(String attribute) {
        if (attribute == null) {
            return lastRow + 1;
        }
        try {
            long number = Long.parseLong(attribute.trim());
            if (number >= 1 && number > lastRow) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw VlmetaException.malformed(where + " has a row numbered '" + attribute + "' after row " + lastRow
                + ", which a spreadsheet program never writes; save the file again from a spreadsheet program.");
    }

    private SheetRow.SheetCell readCell(long row, int defaultColumn) throws XMLStreamException {
        String reference = xml.getAttributeValue(null, "r");
        String type = xml.getAttributeValue(null, "t");
        int style = styleIndex(xml.getAttributeValue(null, "s"));
        int column = reference == null ? defaultColumn : columnOf(reference, defaultColumn);
        String value = null;
        String inline = null;
        String formula = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "v" -> value = xml.getElementText();
                    case "f" -> formula = xml.getElementText();
                    case "is" -> inline = readInlineText();
                    default -> skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                CellContent content = decoder.decode(new RawCell(column, row, type, style, value, inline, formula));
                return new SheetRow.SheetCell(column, row, content);
            }
        }
    }

    // Rich text is several <r><t> runs; phonetic guides (<rPh>) are not part of the text.
    private String readInlineText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "t" -> text.append(xml.getElementText());
                    case "r" -> { }
                    default -> skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "is".equals(xml.getLocalName())) {
                return text.toString();
            }
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static int styleIndex(String attribute) {
        if (attribute == null) {
            return 0;
        }
        try {
            return Integer.parseInt(attribute.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int columnOf(String reference, int defaultColumn) {
        int letters = 0;
        while (letters < reference.length() && Character.isLetter(reference.charAt(letters))) {
            letters++;
        }
        return letters == 0 ? defaultColumn : CellReference.convertColStringToIndex(reference.substring(0, letters));
    }

    @Override
    public void close() throws XMLStreamException {
        xml.close();
    }
}
