package io.vlmeta.sinks.visuallayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metadata.json export is read whole or refused: an item that is not an object, or a second document
 * after the first, would otherwise leave media out of the mapping without a word.
 */
class ExportJsonRefusalTest {
    @TempDir
    Path dir;

    private List<String> read(String json) throws IOException {
        Path file = dir.resolve("metadata.json");
        Files.writeString(file, json);
        List<String> items = new ArrayList<>();
        ExportReader.read(file, "metadata.json", (path, id) -> items.add(path + " -> " + id));
        return items;
    }

    /** @return the refusal of a metadata.json that is not JSON, its fault at {@code where} */
    private static String notJson(String where) {
        return "The export metadata.json is not valid JSON at " + where + ". Give the export as Visual Layer wrote "
                + "it: a metadata.json is one JSON object with 'media_items', or an array of items.";
    }

    private void assertRefused(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(VlmetaException.class).hasMessage(message)
                .extracting(e -> ((VlmetaException) e).code()).isEqualTo(ErrorCode.INPUT_MALFORMED);
    }

    @Test
    void anItemThatIsNotAnObjectIsRefusedInsteadOfEndingTheListThere() {
        assertRefused("[{\"filename\":\"a.jpg\",\"media_id\":\"1\"},\n\"junk\",\n{\"filename\":\"b.jpg\",\"media_id\":\"2\"}]",
                "The export metadata.json, media item 2 (line 2): is a string, not an object with 'filename' and "
                        + "'media_id'.");
        assertRefused("{\"media_items\": [1,", "The export metadata.json, media item 1 (line 1): is a number, not an "
                + "object with 'filename' and 'media_id'.");
    }

    @Test
    void anObjectWithoutAMediaItemsArraySaysWhatAMetadataJsonHolds() {
        String holds = "Give the export as Visual Layer wrote it: a metadata.json is one JSON object with "
                + "'media_items', or an array of items.";
        assertRefused("{\"items\": []}", "The export metadata.json has no 'media_items' array. " + holds);
        assertRefused("{\"name\": \"d\",\n \"media_items\": {\"a.jpg\": \"1\"}}", "The export metadata.json (line "
                + "2): its 'media_items' is an object, not an array of items. " + holds);
        assertRefused("{\"media_items\": 5}", "The export metadata.json (line 1): its 'media_items' is a number, not "
                + "an array of items. " + holds);
    }

    @Test
    void aSecondDocumentAfterTheFirstIsRefused() {
        assertRefused("{\"media_items\":[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}]}\n{\"media_items\":[]}",
                "The export metadata.json goes on after its JSON ends (line 2): a metadata.json holds one object or "
                        + "array.");
    }

    @Test
    void anUnclosedArrayIsNamedWhereItOpensWithoutJacksonsWords() {
        assertRefused("[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}", notJson("line 1, column 37 (after media item 1): the file ends "
                + "inside the array that opens at line 1, column 1: its ']' is missing"));
    }

    @Test
    void aCloseMarkerWithNothingOpenIsNamedInPlainWordsAtItsLineAndColumn() {
        assertRefused("[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}]]", notJson("line 1, column 38: a ']' with "
                + "no '[' open"));
        assertRefused("{\"media_items\": [\n{\"filename\":\"a.jpg\",\"media_id\":\"1\"}]}\n}",
                notJson("line 3, column 1: a '}' with no '{' open"));
    }

    @Test
    void aCloseMarkerOfTheWrongKindNamesWhereTheOpenOneStarts() {
        assertRefused("{\"media_items\": [\n  {\"filename\":\"a.jpg\",\"media_id\":\"1\"}\n}",
                notJson("line 3, column 1 (after media item 1): a '}' where the array that opens at line 1, "
                        + "column 17 is to be closed with ']'"));
        assertRefused("[{\"filename\":\"a.jpg\",\"media_id\":\"1\"]", notJson("line 1, column 36 (media item 1): "
                + "a ']' where the object that opens at line 1, column 2 is to be closed with '}'"));
    }

    @Test
    void aFaultInsideAnItemNamesTheItemAndItsLine() {
        String first = "{\"media_items\": [\n{\"filename\":\"a.jpg\",\"media_id\":\"1\"},\n";
        String[][] secondItemAndFault = {
            {"{\"filename\":\"b.jpg\",\"media_id\":\"2", "column 34 (media item 2): the file ends inside a string: "
                    + "its closing double quote is missing"},
            {"{\"filename\":b.jpg}]}", "column 15 (media item 2): the word 'b', which is not JSON: a string is "
                    + "written in double quotes, and true, false and null in lower case"},
            {"{\"filename\" \"b.jpg\"}]}", "column 13 (media item 2): '\"' where a ':' was expected after the field "
                    + "name"},
            {"{\"filename\":\"b.jpg\" \"media_id\":\"2\"}]}", "column 21 (media item 2): '\"' where a ',' or '}' was "
                    + "expected after the field's value"},
            {"{filename:\"b.jpg\"}]}", "column 2 (media item 2): 'f' where a field name in double quotes was "
                    + "expected"},
            {"{\"filename\":\"b\\qjpg\"}]}", "column 16 (media item 2): the escape '\\q' in a string, which JSON does "
                    + "not have (it has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\u followed by four hex digits)"},
            {"{\"filename\":\"b\tjpg\"}]}", "column 15 (media item 2): a tab inside a string, where JSON writes it as "
                    + "an escape (\\t)"},
            {"{\"filename\":\"b.jpg\",\"media_id\":02}]}", "column 33 (media item 2): a number JSON does not allow: "
                    + "numbers are written like 12, -3.5 or 1e6, with no leading zero or plus sign"}};
        for (String[] itemAndFault : secondItemAndFault) {
            assertRefused(first + itemAndFault[0], notJson("line 3, " + itemAndFault[1]));
        }
    }

    @Test
    void aFaultBetweenItemsNamesTheItemBeforeIt() {
        String first = "[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}";
        assertRefused(first + " {\"filename\":\"b.jpg\",\"media_id\":\"2\"}]", notJson("line 1, column 38 (after "
                + "media item 1): '{' where a ',' or ']' was expected after the item"));
        assertRefused(first + ",]", notJson("line 1, column 38 (after media item 1): a ',' with no item after it "
                + "before the ']'"));
    }

    @Test
    void faultsOutsideTheItemsAreWordedPlainly() {
        String items = "\"media_items\":[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}]";
        assertRefused("{" + items + ",}", notJson("line 1, column 54: a ',' with no field after it before the '}'"));
        assertRefused("{" + items + " // the dataset\n}", notJson("line 1, column 54: a comment, which JSON does "
                + "not allow"));
        assertRefused("{" + items + ", \"x\": NaN}", notJson("line 1, column 63: the word 'NaN', which is not JSON: a "
                + "string is written in double quotes, and true, false and null in lower case"));
        assertRefused("{" + items + "}\n\u0001", notJson("line 2, column 2: a control character (code 1) between "
                + "values, where only spaces, tabs and line breaks may stand"));
    }

    @Test
    void aDocumentBeyondTheParsersLimitsIsMalformedAndWordedPlainly() {
        String item = "{\"filename\":\"a.jpg\",\"media_id\":";
        assertRefused("[" + item + "\"1\",\"x\":" + "[".repeat(1_001), notJson("line 1, column 1040 (media item "
                + "1): arrays and objects nested more than 1,000 deep"));
        assertRefused("[" + item + "1".repeat(1_001) + "}]", notJson("line 1, column 1034 (media item 1): a number "
                + "longer than 1,000 digits"));
    }

    /**
     * Every fault a metadata.json could have a character away from a whole one (cut short anywhere, or
     * one character left out, doubled or put in) is worded by this reader, never by the JSON parser.
     */
    @Test
    void noRefusalOfABrokenMetadataJsonCarriesTheParsersWording() {
        String whole = "{\"media_items\": [\n  {\"filename\": \"a.jpg\", \"media_id\": \"1\", \"n\": [1.5, true, "
                + "null]},\n  {\"file_path\": \"b\\u00e9.jpg\", \"media_id\": \"2\"}\n]}\n";
        java.util.Set<String> broken = new java.util.LinkedHashSet<>();
        for (int i = 0; i < whole.length(); i++) {
            broken.add(whole.substring(0, i));
            broken.add(whole.substring(0, i) + whole.substring(i + 1));
            broken.add(whole.substring(0, i + 1) + whole.substring(i));
            for (String put : List.of("]", "}", ",", ":", "\"", "x", "\\", "\u0001", "/", "0", "-", "\n")) {
                broken.add(whole.substring(0, i) + put + whole.substring(i));
            }
        }
        int refused = 0;
        for (String json : broken) {
            try {
                read(json);
            } catch (VlmetaException e) {
                refused++;
                assertThat(e.code()).as(json).isEqualTo(ErrorCode.INPUT_MALFORMED);
                assertThat(e.getMessage()).as(json).startsWith("The export metadata.json").doesNotContain("\n")
                        .doesNotContain("text that is not JSON").doesNotContainIgnoringCase("jackson")
                        .doesNotContain("VALUE_", "START_", "END_", "FIELD_NAME", "marker", "Source", "REDACTED",
                                "CTRL-CHAR", "' (code", "`", "Feature", "end-of-input", "Unexpected", "Unrecognized",
                                "Illegal", "was expecting", "Exception", "com.fasterxml");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(refused).isGreaterThan(1_000);
    }

    @Test
    void aWholeExportWithTrailingBlanksIsRead() throws IOException {
        assertThat(read("{\"media_items\":[{\"filename\":\"a.jpg\",\"media_id\":\"1\"},"
                + "{\"file_path\":\"x/b.jpg\",\"media_id\":\"2\"}]}\n\n  ")).containsExactly("a.jpg -> 1", "x/b.jpg -> 2");
    }

    @Test
    void aMetadataJsonAfterAnyAmountOfBlankTextIsReadAsJsonItsLinesCountedFromTheFilesStart() throws IOException {
        String blanks = "\uFEFF" + " ".repeat(70_000) + "\r\n\n\r" + "\t".repeat(70_000);

        assertThat(read(blanks + "{\"media_items\": [{\"file_name\": \"a.jpg\", \"media_id\": \"m1\"}]}"))
                .containsExactly("a.jpg -> m1");
        assertRefused(blanks + "[{\"file_name\": \"a.jpg\", \"media_id\": \"m1\"},\n 5]", "The export metadata.json, "
                + "media item 2 (line 5): is a number, not an object with 'filename' and 'media_id'.");
        assertRefused(blanks + "[{\"file_name\": \"a.jpg\" \"media_id\": \"m1\"}]", notJson("line 4, column "
                + "70024 (media item 1): '\"' where a ',' or '}' was expected after the field's value"));
    }

    @Test
    void aMediaIdOrFileNameThatIsNotTextSaysWhatItIsAndOnWhichLine() {
        String item = "The export metadata.json, media item 1 (line ";
        assertRefused("{\"media_items\":[{\"media_id\":5,\"file_name\":\"a.jpg\"}]}", item + "1): its media_id is "
                + "a number, not text; media_id is text in the export Visual Layer writes.");
        assertRefused("[{\"file_name\": \"a.jpg\",\n \"media_id\": true}]", item + "2): its media_id is true, not "
                + "text; media_id is text in the export Visual Layer writes.");
        assertRefused("[{\"file_name\": \"a.jpg\",\n\n \"media_id\": {\"id\": \"m1\"}}]", item + "3): its media_id is "
                + "an object, not text; media_id is text in the export Visual Layer writes.");
        assertRefused("[{\"media_id\": \"m1\", \"file_name\": 7}]", item + "1): its file_name is a number, not text; "
                + "file_name is text in the export Visual Layer writes.");
        assertRefused("[{\"media_id\": \"m1\", \"file_path\": [\"a.jpg\"]}]", item + "1): its file_path is an array, "
                + "not text; file_path is text in the export Visual Layer writes.");
    }

    @Test
    void aMediaIdOrFileNameThatIsNullEmptyOrMissingIsNamedSoAtTheItemsLine() throws IOException {
        String item = "The export metadata.json, media item 2 (line 2): ";
        String first = "[{\"media_id\": \"m1\", \"file_name\": \"a.jpg\"},\n";
        assertRefused(first + "{\"media_id\": \"m2\", \"file_name\": null}]", item + "its file_name is null, not "
                + "text; a media item's file name is text such as \"images/a.jpg\".");
        assertRefused(first + "{\"media_id\": \"m2\", \"file_path\": \" \"}]", item + "its file_path is empty; a "
                + "media item's file name is text such as \"images/a.jpg\".");
        assertRefused(first + "{\"media_id\": \"m2\"}]", item + "it has no 'file_name' or 'file_path'.");
        assertRefused(first + "{\"media_id\": null, \"file_name\": \"b.jpg\"}]", item + "its media_id is null, not "
                + "text; a media id is text such as \"f3e3d00c-1a8e-4a58-85dc-cdea7a8365a0\".");
        assertRefused(first + "{\"file_name\": \"b.jpg\"}]", item + "it has no 'media_id'.");
        // a file_path given as null beside a file_name is no path: the file_name is the item's
        assertThat(read(first + "{\"media_id\": \"m2\", \"file_path\": null, \"file_name\": \"b.jpg\"}]"))
                .containsExactly("a.jpg -> m1", "b.jpg -> m2");
    }
}
