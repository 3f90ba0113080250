package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Single-choice enum values, kept as option indexes (at most 600 options fit a short). */
final class EnumStore implements FieldStore {
    private final List<String> options;
    private final Map<String, Integer> indexes;
    /** option index + 1 by ordinal; 0 = no value. */
    private final short[] codes;

    EnumStore(int size, List<String> options) {
        this.options = List.copyOf(options);
        this.indexes = indexesOf(options);
        this.codes = new short[size];
    }

    static Map<String, Integer> indexesOf(List<String> options) {
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            indexes.put(options.get(i), i);
        }
        return indexes;
    }

    @Override
    public String accept(int ordinal, UploadedValue value) {
        if (value.kind() != UploadedValue.Kind.STRING) {
            return "Expected String, got " + value.typeName();
        }
        Integer index = indexes.get(value.text());
        if (index == null) {
            return notAnOption(value.text());
        }
        codes[ordinal] = (short) (index + 1);
        return null;
    }

    static String notAnOption(String text) {
        return "Value '" + Reasons.shorten(text) + "' is not one of the declared enum options";
    }

    @Override
    public boolean has(int ordinal) {
        return codes[ordinal] != 0;
    }

    @Override
    public Object value(int ordinal) {
        return options.get(codes[ordinal] - 1);
    }

    @Override
    public void write(JsonGenerator generator, int ordinal) throws IOException {
        generator.writeString((String) value(ordinal));
    }
}
