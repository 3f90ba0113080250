package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault in a metadata.json worded for its user: where it is and what it is, in plain words. Jackson's own
 * message is only read to tell which fault it found; none of its words (token names, feature names, its
 * redacted source) are passed on, and a fault it words in a way not known here is named as text that is not
 * JSON, so a newer Jackson's wording cannot reach a message either.
 *
 * @param line   the line the fault is on, from 1; 0 when not known
 * @param column the column on that line, from 1; 0 when not known
 * @param words  what is wrong, e.g. {@code a ']' with no '[' open}; never blank, no full stop
 */
record JsonFault(int line, int column, String words) {
    /** the character Jackson names: {@code ('x' (code 120))}, {@code ((CTRL-CHAR, code 10))} */
    private static final Pattern CHARACTER_CODE = Pattern.compile("code ([0-9]+)");
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)'");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");
    private static final Pattern TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '([^']*)'");

    /**
     * @param failure what Jackson threw while {@code json} read; never {@code null}
     * @param json    the parser that threw it, still where it stopped
     * @return the fault at Jackson's location of it, or the parser's when the failure has none
     */
    static JsonFault of(JsonProcessingException failure, JsonParser json) {
        JsonLocation where = failure.getLocation() != null ? failure.getLocation() : json.currentLocation();
        String words = words(failure, json.getParsingContext());
        return new JsonFault(Math.max(where.getLineNr(), 0), Math.max(where.getColumnNr(), 0), words);
    }

    /** @return where the fault is, e.g. {@code line 3, column 7} */
    String position() {
        if (line <= 0) {
            return "an unknown line";
        }
        return column <= 0 ? "line " + line : "line " + line + ", column " + column;
    }

    private static String words(JsonProcessingException failure, JsonStreamContext open) {
        String jackson = failure.getOriginalMessage() == null ? "" : failure.getOriginalMessage();
        if (failure instanceof StreamConstraintsException) {
            return beyondLimits(jackson);
        }
        if (failure instanceof JsonEOFException eof) {
            return endsEarly(eof.getTokenBeingDecoded(), open);
        }
        if (jackson.startsWith("Unexpected end-of-input")) { // between the entries of an object or array
            return endsEarly(null, open);
        }
        Matcher close = CLOSE_MARKER.matcher(jackson);
        if (close.find()) {
            return wrongClose(close.group(1).charAt(0), open);
        }
        Matcher token = TOKEN.matcher(jackson);
        if (token.find()) {
            return "the word " + quoted(token.group(1)) + ", which is not JSON: a string is written in double "
                    + "quotes, and true, false and null in lower case";
        }
        Matcher named = CHARACTER_CODE.matcher(jackson);
        int code = named.find() ? Integer.parseInt(named.group(1)) : -1;
        String character = code < 0 ? "a character" : character(code);
        if (jackson.startsWith("Unrecognized character escape")) {
            Matcher escape = ESCAPE.matcher(jackson);
            return "the escape " + (escape.find() ? "'\\" + escape.group(1) + "'" : "of " + character) + " in a string, "
                    + "which JSON does not have (it has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by "
                    + "four hex digits)";
        }
        if (jackson.startsWith("Illegal unquoted character") && code >= 0) {
            return character + " inside a string, where JSON writes it as an escape ("
                    + escaped(code) + ")";
        }
        if (jackson.startsWith("Illegal character")) {
            return character + " between values, where only spaces, tabs and line breaks may stand";
        }
        if (jackson.contains("comment")) {
            return "a comment, which JSON does not allow";
        }
        if (jackson.contains("hex-digit")) {
            return "a \\u escape in a string without four hex digits after it";
        }
        if (jackson.contains("numeric value") || jackson.contains("Leading zeroes")
                || jackson.contains("plus sign") || jackson.contains("not followed by a digit")) {
            return "a number JSON does not allow: numbers are written like 12, -3.5 or 1e6, with no leading zero "
                    + "or plus sign";
        }
        if (jackson.contains("start field name")) {
            return character.equals("'}'") ? "a ',' with no field after it before the '}'"
                    : character + " where a field name in double quotes was expected";
        }
        if (jackson.contains("colon to separate")) {
            return character + " where a ':' was expected after the field name";
        }
        if (jackson.contains("comma to separate Object")) {
            return character + " where a ',' or '}' was expected after the field's value";
        }
        if (jackson.contains("comma to separate Array")) {
            return character + " where a ',' or ']' was expected after the item";
        }
        if (jackson.contains("expected a value") || jackson.contains("expected a valid value")) {
            return character.equals("']'") ? "a ',' with no item after it before the ']'"
                    : character + " where a value was expected";
        }
        return "text that is not JSON";
    }

    /** Jackson's limits on one document: it refuses before reading the rest into memory. */
    private static String beyondLimits(String jackson) {
        StreamReadConstraints limits = StreamReadConstraints.defaults();
        if (jackson.startsWith("Document nesting depth")) {
            return String.format(Locale.ROOT, "arrays and objects nested more than %,d deep",
                    limits.getMaxNestingDepth());
        }
        if (jackson.startsWith("Number value length")) {
            return String.format(Locale.ROOT, "a number longer than %,d digits", limits.getMaxNumberLength());
        }
        if (jackson.startsWith("String value length")) {
            return String.format(Locale.ROOT, "a string longer than %,d characters", limits.getMaxStringLength());
        }
        if (jackson.startsWith("Name length")) {
            return String.format(Locale.ROOT, "a field name longer than %,d characters", limits.getMaxNameLength());
        }
        return "more JSON than one export holds";
    }

    /** @param open the array or object the file ends in, or the top level */
    private static String endsEarly(JsonToken decoding, JsonStreamContext open) {
        if (decoding == JsonToken.VALUE_STRING || decoding == JsonToken.FIELD_NAME) {
            return "the file ends inside a string: its closing double quote is missing";
        }
        if (open != null && open.inArray()) {
            return "the file ends inside the array that opens at " + start(open) + ": its ']' is missing";
        }
        if (open != null && open.inObject()) {
            return "the file ends inside the object that opens at " + start(open) + ": its '}' is missing";
        }
        return "the file ends before its JSON does";
    }

    /** @param open the array or object still open where {@code marker} stands, or the top level */
    private static String wrongClose(char marker, JsonStreamContext open) {
        char opening = marker == ']' ? '[' : '{';
        if (open != null && open.inArray()) {
            return "a '" + marker + "' where the array that opens at " + start(open) + " is to be closed with ']'";
        }
        if (open != null && open.inObject()) {
            return "a '" + marker + "' where the object that opens at " + start(open) + " is to be closed with '}'";
        }
        return "a '" + marker + "' with no '" + opening + "' open";
    }

    private static String start(JsonStreamContext open) {
        JsonLocation start = open.startLocation(ContentReference.unknown());
        return "line " + start.getLineNr() + ", column " + start.getColumnNr();
    }

    /** @return the character as a message names it: {@code 'x'}, {@code a line break} */
    private static String character(int code) {
        return switch (code) {
            case '\n' -> "a line break";
            case '\r' -> "a carriage return";
            case '\t' -> "a tab";
            default -> code < 0x20 || code == 0x7F ? "a control character (code " + code + ")"
                    : "'" + new String(Character.toChars(code)) + "'";
        };
    }

    /** @return how JSON writes the control character {@code code} inside a string: {@code \n}, {@code \u0001} */
    private static String escaped(int code) {
        return switch (code) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> String.format(Locale.ROOT, "\\u%04x", code);
        };
    }

    private static String quoted(String word) {
        // Jackson reads up to 256 characters of an unquoted word: cut as any text an export's refusal quotes
        return "'" + ExportReader.cut(word) + "'";
    }
}
