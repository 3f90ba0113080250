package io.vlmeta.sources.parquet;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns an open source reads, by slot (their order in the file), and the key's slot. Shared by
 * every record's {@link ParquetRowValues}.
 */
final class ReadColumns {

    private final String[] names;
    private final Map<String, Integer> slotByName;
    private final int keySlot;
    private final UnsupportedColumns unsupported;

    ReadColumns(List<String> names, String keyColumn, UnsupportedColumns unsupported) {
        this.names = names.toArray(String[]::new);
        this.slotByName = new HashMap<>(names.size() * 2);
        for (int slot = 0; slot < this.names.length; slot++) {
            slotByName.put(this.names[slot], slot);
        }
        this.keySlot = slotByName.getOrDefault(keyColumn, -1);
        this.unsupported = unsupported;
    }

    /** @return the slot of a read column, or -1 */
    int slotOf(Object name) {
        Integer slot = slotByName.get(name);
        return slot == null ? -1 : slot;
    }

    /** @return the slot of each read column, by name */
    Map<String, Integer> slots() {
        return Map.copyOf(slotByName);
    }

    String nameOf(int slot) {
        return names[slot];
    }

    int keySlot() {
        return keySlot;
    }

    UnsupportedColumns unsupported() {
        return unsupported;
    }
}
