package io.vlmeta.sources.xlsx;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

import java.util.HashMap;
import java.util.Map;

/** Tells which cell styles show numbers as dates, the only mark a date cell carries in a workbook. */
final class DateStyles {
    private final StylesTable styles;
    // Sheets use few styles but millions of cells: ask POI once per style.
    private final Map<Integer, Boolean> known = new HashMap<>();

    /** @param styles the workbook's styles; {@code null} when the workbook has no styles part */
    DateStyles(StylesTable styles) {
        this.styles = styles;
    }

    boolean isDate(int styleIndex) {
        if (styles == null) {
            return false;
        }
        return known.computeIfAbsent(styleIndex, this::lookUp);
    }

    private boolean lookUp(int styleIndex) {
        if (styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
            return false;
        }
        XSSFCellStyle style = styles.getStyleAt(styleIndex);
        if (style == null) {
            return false;
        }
        String format = style.getDataFormatString();
        return format != null && DateUtil.isADateFormat(style.getDataFormat(), format);
    }
}
