package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multi-choice enum values: each list is kept in the order sent as two-byte option indexes in a
 * {@link BytePool}.
 */
final class MultiEnumStore implements FieldStore {
    private final List<String> options;
    private final Map<String, Integer> indexes;
    /** pool address + 1 by ordinal; 0 = no value. */
    private final long[] addresses;
    private final BytePool pool = new BytePool();

    MultiEnumStore(int size, List<String> options) {
        this.options = List.copyOf(options);
        this.indexes = EnumStore.indexesOf(options);
        this.addresses = new long[size];
    }

    @Override
    public String accept(int ordinal, UploadedValue value) {
        if (value.kind() != UploadedValue.Kind.STRING_ARRAY) {
            return "Expected Array of Strings, got " + (value.kind() == UploadedValue.Kind.MIXED_ARRAY
                    ? "an Array holding other values" : value.typeName());
        }
        List<String> items = value.items();
        byte[] encoded = new byte[items.size() * 2];
        for (int i = 0; i < items.size(); i++) {
            Integer index = indexes.get(items.get(i));
            if (index == null) {
                return EnumStore.notAnOption(items.get(i));
            }
            encoded[2 * i] = (byte) (index >>> 8);
            encoded[2 * i + 1] = (byte) (int) index;
        }
        addresses[ordinal] = pool.add(encoded) + 1;
        return null;
    }

    @Override
    public boolean has(int ordinal) {
        return addresses[ordinal] != 0;
    }

    @Override
    public Object value(int ordinal) {
        byte[] encoded = pool.get(addresses[ordinal] - 1);
        List<String> items = new ArrayList<>(encoded.length / 2);
        for (int i = 0; i < encoded.length; i += 2) {
            items.add(options.get(((encoded[i] & 0xFF) << 8) | (encoded[i + 1] & 0xFF)));
        }
        return List.copyOf(items);
    }

    @Override
    public void write(JsonGenerator generator, int ordinal) throws IOException {
        generator.writeStartArray();
        for (Object item : (List<?>) value(ordinal)) {
            generator.writeString((String) item);
        }
        generator.writeEndArray();
    }
}
