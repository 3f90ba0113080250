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
    void aSecondDocumentAfterTheFirstIsRefused() {
        assertRefused("{\"media_items\":[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}]}\n{\"media_items\":[]}",
                "The export metadata.json goes on after its JSON ends (line 2): a metadata.json holds one object or "
                        + "array.");
    }

    @Test
    void anUnclosedArrayIsNamedWithoutJacksonsSourceDescription() {
        assertRefused("[{\"filename\":\"a.jpg\",\"media_id\":\"1\"}", "The export metadata.json is not valid JSON at "
                + "line 1: Unexpected end-of-input: expected close marker for Array (start marker at line: 1, column: "
                + "1).");
    }

    @Test
    void aWholeExportWithTrailingBlanksIsRead() throws IOException {
        assertThat(read("{\"media_items\":[{\"filename\":\"a.jpg\",\"media_id\":\"1\"},"
                + "{\"file_path\":\"x/b.jpg\",\"media_id\":\"2\"}]}\n\n  ")).containsExactly("a.jpg -> 1", "x/b.jpg -> 2");
    }
}
