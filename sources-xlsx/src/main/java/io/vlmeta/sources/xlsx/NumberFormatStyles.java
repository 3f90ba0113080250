package io.vlmeta.sources.xlsx;

import io.vlmeta.sources.xlsx.BuiltinNumberFormats.EastAsianLanguage;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells what kind of value each cell style's number format shows: the only mark a date, time or
 * duration cell carries in a workbook, whose cells hold plain serial numbers. A format the workbook
 * spells out in a {@code <numFmt>} entry is judged by its code ({@link FormatCode}); a bare built-in
 * id by the table of ECMA-376 §18.8.30 ({@link BuiltinNumberFormats}).
 */
final class NumberFormatStyles {
    /** Windows font character sets (the {@code charset} of a font, ECMA-376 §18.4.1) that name an East-Asian script. */
    private static final int SHIFTJIS_CHARSET = 128;
    private static final int HANGUL_CHARSET = 129;
    private static final int JOHAB_CHARSET = 130;
    private static final int GB2312_CHARSET = 134;
    private static final int CHINESEBIG5_CHARSET = 136;

    private final StylesTable styles;
    private final Map<Short, String> customFormats;
    private final EastAsianLanguage language;
    // Sheets use few styles but millions of cells: classify each style once.
    private final Map<Integer, NumberFormatKind> known = new HashMap<>();

    /** @param styles the workbook's styles; {@code null} when the workbook has no styles part */
    NumberFormatStyles(StylesTable styles) {
        this.styles = styles;
        this.customFormats = styles == null ? Map.of() : styles.getNumberFormats();
        this.language = styles == null ? null : languageOf(styles);
    }

    /** @return the kind of value cells of that style show; {@link NumberFormatKind#NUMBER} for an unknown style */
    NumberFormatKind kindOf(int styleIndex) {
        if (styles == null) {
            return NumberFormatKind.NUMBER;
        }
        return known.computeIfAbsent(styleIndex, this::lookUp);
    }

    /** @return the {@code numFmtId} of that style, for messages; -1 for an unknown style */
    int formatIdOf(int styleIndex) {
        XSSFCellStyle style = styleAt(styleIndex);
        return style == null ? -1 : style.getDataFormat() & 0xFFFF;
    }

    /**
     * @return the format code cells of that style are shown with (the workbook's own {@code <numFmt>}, else
     *     the built-in code POI knows for the id); {@code null} when neither says
     */
    String formatCodeOf(int styleIndex) {
        XSSFCellStyle style = styleAt(styleIndex);
        if (style == null) {
            return null;
        }
        String code = customFormats.get(style.getDataFormat());
        if (code != null) {
            return code;
        }
        // POI knows the locale-independent ids only; it names the East-Asian ones "reserved-0x.."
        String builtin = org.apache.poi.ss.usermodel.BuiltinFormats.getBuiltinFormat(style.getDataFormat() & 0xFFFF);
        return builtin == null || builtin.startsWith("reserved") ? null : builtin;
    }

    private NumberFormatKind lookUp(int styleIndex) {
        XSSFCellStyle style = styleAt(styleIndex);
        if (style == null) {
            return NumberFormatKind.NUMBER;
        }
        short rawId = style.getDataFormat();
        String code = customFormats.get(rawId);
        if (code != null) {
            return FormatCode.classify(code);
        }
        int id = rawId & 0xFFFF;
        return BuiltinNumberFormats.isBuiltin(id) ? BuiltinNumberFormats.kindOf(id, language) : NumberFormatKind.NUMBER;
    }

    private XSSFCellStyle styleAt(int styleIndex) {
        if (styles == null || styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
            return null;
        }
        return styles.getStyleAt(styleIndex);
    }

    /**
     * The language of the Excel that made the workbook, as far as its default font (the first one,
     * which the Normal style uses) says: East-Asian Excel gives it its script's character set, e.g.
     * {@code <charset val="128"/>} for Japanese.
     *
     * @return the language, or {@code null} when the default font names no East-Asian character set
     */
    private static EastAsianLanguage languageOf(StylesTable styles) {
        XSSFFont font;
        try {
            font = styles.getFontAt(0);
        } catch (RuntimeException noFonts) {
            return null; // a styles part without fonts: nothing to learn from
        }
        if (font == null) {
            return null;
        }
        return switch (font.getCharSet()) {
            case SHIFTJIS_CHARSET -> EastAsianLanguage.JAPANESE;
            case HANGUL_CHARSET, JOHAB_CHARSET -> EastAsianLanguage.KOREAN;
            case GB2312_CHARSET -> EastAsianLanguage.SIMPLIFIED_CHINESE;
            case CHINESEBIG5_CHARSET -> EastAsianLanguage.TRADITIONAL_CHINESE;
            default -> null;
        };
    }
}
