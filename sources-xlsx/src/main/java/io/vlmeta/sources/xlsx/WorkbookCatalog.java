package io.vlmeta.sources.xlsx;

import org.apache.poi.util.XMLHelper;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code xl/workbook.xml} says: the sheets in tab order and the date system. POI's event API
 * does not expose {@code date1904}, and without it every date in a 1904 workbook is four years off.
 *
 * @param sheets   the sheets in tab order
 * @param date1904 true when serial day 0 is 1904-01-01 (old Mac workbooks) rather than 1900-01-00
 */
record WorkbookCatalog(List<Sheet> sheets, boolean date1904) {

    WorkbookCatalog {
        sheets = List.copyOf(sheets);
    }

    /**
     * @param name           the tab's name
     * @param relationshipId the id the workbook's relationships resolve to the sheet part
     */
    record Sheet(String name, String relationshipId) {
    }

    /** @param workbookXml the workbook part's content; closed by the caller */
    static WorkbookCatalog read(InputStream workbookXml) throws XMLStreamException {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
        try {
            List<Sheet> sheets = new ArrayList<>();
            boolean date1904 = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "workbookPr" -> date1904 = isTrue(xml.getAttributeValue(null, "date1904"));
                    case "sheet" -> sheets.add(new Sheet(xml.getAttributeValue(null, "name"), relationshipId(xml)));
                    default -> { }
                }
            }
            return new WorkbookCatalog(sheets, date1904);
        } finally {
            xml.close();
        }
    }

    private static boolean isTrue(String attribute) {
        return "1".equals(attribute) || "true".equalsIgnoreCase(attribute);
    }

    // r:id lives in the relationships namespace, which differs between transitional and strict OOXML.
    private static String relationshipId(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String namespace = xml.getAttributeNamespace(i);
            if ("id".equals(xml.getAttributeLocalName(i)) && namespace != null && !namespace.isEmpty()) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }
}
