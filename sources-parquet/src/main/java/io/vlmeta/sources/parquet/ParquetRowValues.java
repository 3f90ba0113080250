package io.vlmeta.sources.parquet;

import io.vlmeta.api.RawValue;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One record's values by column name, read-only, as a view over the record's slots. Nulls, and columns
 * left out by {@link ParquetRecordSource#select}, are absent. Asking for a column no field type takes
 * finds no value and tells the {@link UnsupportedColumns}, which reports it once: the same error
 * {@code select} gives, for a reader that asks for values without selecting first.
 */
final class ParquetRowValues extends AbstractMap<String, RawValue> {

    private final ReadColumns read;
    private final RawValue[] slots;

    ParquetRowValues(ReadColumns read, RawValue[] slots) {
        this.read = read;
        this.slots = slots;
    }

    @Override
    public RawValue get(Object column) {
        int slot = read.slotOf(column);
        if (slot < 0) {
            read.unsupported().asked(column);
            return null;
        }
        return slots[slot];
    }

    @Override
    public boolean containsKey(Object column) {
        int slot = read.slotOf(column);
        return slot >= 0 && slots[slot] != null;
    }

    @Override
    public Set<Entry<String, RawValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, RawValue>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int slot = from;
                        while (slot < slots.length && (slots[slot] == null || slot == read.keySlot())) {
                            slot++;
                        }
                        return slot;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < slots.length;
                    }

                    @Override
                    public Entry<String, RawValue> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, RawValue> entry = Map.entry(read.nameOf(next), slots[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                int size = 0;
                for (int slot = 0; slot < slots.length; slot++) {
                    if (slots[slot] != null && slot != read.keySlot()) {
                        size++;
                    }
                }
                return size;
            }
        };
    }
}
