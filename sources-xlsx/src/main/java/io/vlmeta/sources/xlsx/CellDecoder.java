package io.vlmeta.sources.xlsx;

import io.vlmeta.api.RawValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.model.SharedStrings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Turns a cell as the sheet XML holds it into a {@link RawValue} of the type the cell has: text stays
 * text ({@code 00123}), numbers stay numbers ({@code 42}, not {@code 42.0}), booleans become
 * {@code true}/{@code false}. A number's format decides what it is ({@link NumberFormatStyles}):
 * in a date format a date-time, in a time-of-day format ({@code h:mm}) a {@link RawValue.TimeOfDay},
 * in an elapsed-time format ({@code [h]:mm:ss}) a {@link RawValue.Duration}. Formulas give their
 * saved result; error cells and formulas without a saved result are failures, never text.
 */
final class CellDecoder {
    private final SharedStrings sharedStrings;
    private final NumberFormatStyles formats;
    private final SerialDates serialDates;
    private final boolean date1904;
    // renders a time or duration as the sheet shows it, so a text field gets what the user sees
    private final DataFormatter formatter = new DataFormatter(Locale.US);

    CellDecoder(SharedStrings sharedStrings, NumberFormatStyles formats, boolean date1904) {
        this.sharedStrings = sharedStrings;
        this.formats = formats;
        this.serialDates = new SerialDates(date1904);
        this.date1904 = date1904;
    }

    CellContent decode(RawCell cell) {
        String type = cell.type() == null ? "n" : cell.type();
        if (cell.formula() != null && lacksSavedResult(cell, type)) {
            return new CellContent.Failure(noSavedResult(cell));
        }
        return switch (type) {
            case "n" -> number(cell);
            case "s" -> sharedString(cell);
            case "inlineStr" -> text(cell.inlineText() != null ? cell.inlineText() : cell.value());
            case "str" -> text(cell.value());
            case "b" -> bool(cell);
            case "e" -> errorCell(cell);
            case "d" -> isoDate(cell);
            default -> new CellContent.Failure("Cell " + cell.address() + " has the unknown cell type '" + type
                    + "'; save the file again as .xlsx from a spreadsheet program.");
        };
    }

    // A string formula may have saved an empty result (<v></v>); for other types an empty <v> means
    // the writer never calculated the formula (openpyxl, most libraries).
    private static boolean lacksSavedResult(RawCell cell, String type) {
        if (cell.value() == null) {
            return !"inlineStr".equals(type) || cell.inlineText() == null;
        }
        return cell.value().isEmpty() && !"str".equals(type);
    }

    private static String noSavedResult(RawCell cell) {
        String formula = cell.formula().isBlank() ? "a formula" : "the formula =" + cell.formula();
        return "Cell " + cell.address() + " holds " + formula + " but no saved result (the program that wrote"
                + " the file did not calculate it); open the file in a spreadsheet program and save it"
                + " so the results are stored.";
    }

    private static CellContent errorCell(RawCell cell) {
        String error = cell.value() == null || cell.value().isBlank() ? "" : cell.value().trim() + " ";
        return new CellContent.Failure("Cell " + cell.address() + " holds the error " + error + "instead of a"
                + " value; correct or clear it in the workbook (error cells are never uploaded).");
    }

    private CellContent number(RawCell cell) {
        String text = cell.value();
        if (text == null || text.isBlank()) {
            return CellContent.EMPTY;
        }
        double number;
        try {
            number = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return notANumber(cell);
        }
        if (!Double.isFinite(number)) {
            return notANumber(cell);
        }
        return switch (formats.kindOf(cell.styleIndex())) {
            case NUMBER -> new CellContent.Value(RawValue.Number.ofDouble(number));
            case DATE -> serialDates.date(cell, text.trim(), number);
            case TIME_OF_DAY -> serialDates.timeOfDay(cell, text.trim(), number, shown(cell, number));
            case DURATION -> new CellContent.Value(new RawValue.Duration(SerialDates.duration(number),
                    shown(cell, number)));
            case LOCALE_DEPENDENT -> new CellContent.Failure(localeDependent(cell));
        };
    }

    /** @return the cell's text as its number format shows it, or {@code null} when the format is unknown */
    private String shown(RawCell cell, double number) {
        String code = formats.formatCodeOf(cell.styleIndex());
        if (code == null) {
            return null;
        }
        try {
            String text = formatter.formatRawCellContents(number, formats.formatIdOf(cell.styleIndex()), code,
                    date1904).strip();
            return text.isEmpty() ? null : text;
        } catch (RuntimeException e) {
            return null; // a code POI cannot render: the value's own form is used
        }
    }

    private String localeDependent(RawCell cell) {
        return "Cell " + cell.address() + " uses Excel's built-in number format " + formats.formatIdOf(cell.styleIndex())
                + ", which Japanese and Korean Excel show as a date and Chinese Excel as a time of day, and the"
                + " workbook does not say which wrote it; give the column a date or time format of its own"
                + " (Format Cells, Custom) and save the workbook again.";
    }

    private static CellContent notANumber(RawCell cell) {
        return new CellContent.Failure("Cell " + cell.address() + " is a number cell holding '" + cell.value()
                + "', which is not a number; save the file again as .xlsx from a spreadsheet program.");
    }

    private CellContent sharedString(RawCell cell) {
        String text = cell.value();
        if (text == null || text.isBlank()) {
            return CellContent.EMPTY;
        }
        try {
            int index = Integer.parseInt(text.trim());
            return text(sharedStrings.getItemAt(index).getString());
        } catch (RuntimeException e) {
            // A bad index means a damaged file; POI signals it with different unchecked exceptions.
            return new CellContent.Failure("Cell " + cell.address() + " refers to shared string " + text.trim()
                    + ", which the workbook does not hold; save the file again from a spreadsheet program.");
        }
    }

    private static CellContent text(String text) {
        return text == null ? CellContent.EMPTY : new CellContent.Value(new RawValue.Text(text));
    }

    private static CellContent bool(RawCell cell) {
        String text = cell.value() == null ? "" : cell.value().trim();
        return switch (text) {
            case "1", "true" -> new CellContent.Value(new RawValue.Text("true"));
            case "0", "false" -> new CellContent.Value(new RawValue.Text("false"));
            case "" -> CellContent.EMPTY;
            default -> new CellContent.Failure("Cell " + cell.address() + " is a boolean cell holding '" + text
                    + "', which is neither TRUE nor FALSE; save the file again from a spreadsheet program.");
        };
    }

    // t="d" cells hold ISO 8601 text (strict OOXML and a few writers), usually without an offset.
    private static CellContent isoDate(RawCell cell) {
        String text = cell.value() == null ? "" : cell.value().trim();
        if (text.isEmpty()) {
            return CellContent.EMPTY;
        }
        boolean utc = text.endsWith("Z");
        String local = utc ? text.substring(0, text.length() - 1) : text;
        try {
            LocalDateTime dateTime = local.contains("T")
                    ? LocalDateTime.parse(local)
                    : LocalDate.parse(local).atStartOfDay();
            return new CellContent.Value(new RawValue.DateTime(dateTime, utc ? ZoneOffset.UTC : null));
        } catch (DateTimeParseException e) {
            return new CellContent.Failure("Cell " + cell.address() + " is a date cell holding '" + text
                    + "', which is not an ISO 8601 date; save the file again from a spreadsheet program.");
        }
    }
}
