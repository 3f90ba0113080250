package io.vlmeta.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the metadata as JSON Lines, one object per image, as an annotation tool exports it: the float
 * columns as JSON numbers with the generated digits, {@code tags} as an array of strings, the rest as
 * strings; an empty cell leaves its key out.
 */
public final class JsonlDatasetWriter implements DatasetWriter {

    private final JsonGenerator json;

    /**
     * @param file the file to create or replace
     * @throws IOException when it cannot be created
     */
    public JsonlDatasetWriter(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        this.json = new JsonFactory().createGenerator(out);
        json.setRootValueSeparator(null);
    }

    @Override
    public void write(MetadataRow row) throws IOException {
        json.writeStartObject();
        json.writeStringField(BenchmarkSchema.KEY_COLUMN, row.path());
        for (int i = 0; i < BenchmarkSchema.FIELDS.size(); i++) {
            String cell = row.value(i);
            if (cell.isEmpty()) {
                continue;
            }
            BenchmarkField field = BenchmarkSchema.FIELDS.get(i);
            json.writeFieldName(field.name());
            switch (field.type()) {
                case "float" -> json.writeNumber(cell);
                case "multi-enum" -> {
                    json.writeStartArray();
                    for (String tag : TypedCells.tags(cell)) {
                        json.writeString(tag);
                    }
                    json.writeEndArray();
                }
                default -> json.writeString(cell);
            }
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
