package io.vlmeta.sinks.visuallayer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryJsonWriterTest {
    private static final String UUID = "f3e3d00c-1a8e-4a58-85dc-cdea7a8365a0";

    /** Every character a string can hold that JSON escapes or encodes in more than one byte, and some that it does not. */
    private static List<String> strings() {
        List<String> strings = new ArrayList<>(List.of("", "plain", "a \"quoted\" word", "back\\slash", "slash/ok",
                "del\u007F", "tab\there", "line\nbreak\r\n", "bell\u0007 nul\u0000 unit\u001F", "bs\b ff\f",
                "größe", "画像 写真", "emoji 😀 pair", "lone high \uD83D end", "lone low \uDE00 end",
                "separators \u2028\u2029", "nbsp\u00A0", "x".repeat(5_000), "ü".repeat(3_000),
                "x".repeat(61) + "\"", "2023-02-24T15:15:20Z", "https://storage.example.com/a.jpg?rev=1&x=%20"));
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            controls.append(c);
        }
        strings.add(controls.toString());
        return strings;
    }

    private static List<Object> values() {
        List<Object> values = new ArrayList<>(strings());
        values.addAll(List.of(new BigDecimal("1E+3"), new BigDecimal("0.10"), new BigDecimal("-0"),
                new BigDecimal("123456789012345678901234567890.5"), new BigDecimal("1E-20"), BigDecimal.ZERO,
                42, 7L, 2.5d, -1.0e-9d, List.of(), List.of("one"), List.of("a", "b\"c", "画像", "😀"),
                Arrays.asList("x", null), List.of(new BigDecimal("2.50"), 3), strings()));
        return values;
    }

    @Test
    void writesExactlyTheBytesOfJacksonsGeneratorForEveryKindOfValue() throws IOException {
        List<Object> values = values();
        List<String> ids = List.of(UUID, "Media-42", "ü-id", "id \"x\"");
        byte[] expected = jackson(ids, values);
        for (int bufferSize : new int[] {64, 65, 100, 1000, 1 << 16}) {
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            try (EntryJsonWriter writer = new EntryJsonWriter(actual, bufferSize)) {
                for (int i = 0; i < values.size(); i++) {
                    writer.write(ids.get(i % ids.size()), values.get(i));
                }
            }
            assertThat(new String(actual.toByteArray(), StandardCharsets.UTF_8)).as("buffer of %d bytes", bufferSize)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
            assertThat(actual.toByteArray()).isEqualTo(expected);
        }
    }

    /**
     * As the upload writes a row: one media id object to each field's batch in turn, so all but the
     * first write copy the id's bytes. Ids equal in text but other objects, ids with escapes or
     * non-ASCII, and ids longer than the buffer must come out as Jackson writes them all the same.
     */
    @Test
    void writesJacksonsBytesWhenOneMediaIdObjectGoesToSeveralBatchesInTurn() throws IOException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.substring(0, 30) + String.format("%06d", i);
            ids.add(id);
            ids.add(new String(id)); // equal, another object
        }
        ids.addAll(List.of("id \"x\"", "ü-id", "m".repeat(200), UUID, UUID));
        List<List<Object>> fields = List.of(List.of("a", "b\"c"), List.of(new BigDecimal("1.5")),
                List.of(List.of("x", "y")));
        for (int bufferSize : new int[] {64, 1 << 16}) {
            List<ByteArrayOutputStream> outs = new ArrayList<>();
            List<EntryJsonWriter> writers = new ArrayList<>();
            for (int f = 0; f < fields.size(); f++) {
                outs.add(new ByteArrayOutputStream());
                writers.add(new EntryJsonWriter(outs.get(f), bufferSize));
            }
            for (int row = 0; row < ids.size(); row++) {
                for (int f = 0; f < fields.size(); f++) {
                    writers.get(f).write(ids.get(row), fields.get(f).get(row % fields.get(f).size()));
                }
            }
            for (int f = 0; f < fields.size(); f++) {
                writers.get(f).close();
                List<Object> values = new ArrayList<>();
                for (int row = 0; row < ids.size(); row++) {
                    values.add(fields.get(f).get(row % fields.get(f).size()));
                }
                assertThat(outs.get(f).toString(StandardCharsets.UTF_8)).as("field %d, buffer of %d bytes", f,
                        bufferSize).isEqualTo(new String(jackson(ids, values), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void writesAnEmptyBatchAsAnEmptyArrayAndOneEntryWithoutSeparators() throws IOException {
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        new EntryJsonWriter(empty, 1 << 16).close();
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        try (EntryJsonWriter writer = new EntryJsonWriter(one, 1 << 16)) {
            writer.write(UUID, new BigDecimal("23.5"));
        }

        assertThat(empty.toString(StandardCharsets.UTF_8)).isEqualTo("[]");
        assertThat(one.toString(StandardCharsets.UTF_8)).isEqualTo("[{\"media_id\":\"" + UUID + "\",\"value\":23.5}]");
    }

    @Test
    void readsBackAsTheEntriesWritten() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EntryJsonWriter writer = new EntryJsonWriter(out, 100)) {
            for (String text : strings()) {
                writer.write(UUID, text);
            }
        }

        List<?> entries = new ObjectMapper().readValue(out.toByteArray(), List.class);
        List<String> expected = strings();
        assertThat(entries).hasSize(expected.size());
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> entry = (Map<?, ?>) entries.get(i);
            assertThat(entry.get("media_id")).isEqualTo(UUID);
            assertThat(entry.get("value")).isEqualTo(expected.get(i)); // lone surrogates too, written escaped
        }
    }

    @Test
    void refusesAValueNoFieldTypeSends() throws IOException {
        try (EntryJsonWriter writer = new EntryJsonWriter(new ByteArrayOutputStream(), 64)) {
            assertThatThrownBy(() -> writer.write(UUID, Map.of("a", 1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a JSON value a field type sends: ");
        }
    }

    /** The entries as the batch file wrote them before, through Jackson's generator with default settings. */
    private static byte[] jackson(List<String> ids, List<Object> values) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonFactory.builder().build().createGenerator(out)) {
            generator.writeStartArray();
            for (int i = 0; i < values.size(); i++) {
                generator.writeStartObject();
                generator.writeStringField("media_id", ids.get(i % ids.size()));
                generator.writeFieldName("value");
                Object value = values.get(i);
                if (value instanceof String text) {
                    generator.writeString(text);
                } else if (value instanceof BigDecimal number) {
                    generator.writeNumber(number);
                } else if (value instanceof List<?> list) {
                    generator.writeStartArray();
                    for (Object item : list) {
                        generator.writeString(String.valueOf(item));
                    }
                    generator.writeEndArray();
                } else {
                    generator.writeNumber(new BigDecimal(value.toString()));
                }
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
        return out.toByteArray();
    }
}
