package io.vlmeta.sources.csv;

import io.vlmeta.api.RawValue;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row's values by column name, read-only, over the shared {@link CsvHeader}: no per-row hash
 * table. Every value column the header holds is present (all, or the selected ones); cells past the
 * end of a short row and empty cells read as {@link RawValue.Missing}, others as untrimmed
 * {@link RawValue.Text}. Only those columns' cells are kept, so a wide row whose other cells are not
 * selected costs the memory of its selected cells.
 */
final class RowValues extends AbstractMap<String, RawValue> {

    private final CsvHeader header;
    private final String[] values;

    RowValues(CsvHeader header, String[] cells) {
        this.header = header;
        this.values = new String[header.valueCount()];
        for (int position = 0; position < values.length; position++) {
            int cell = header.valueCell(position);
            values[position] = cell < cells.length ? cells[cell] : "";
        }
    }

    @Override
    public RawValue get(Object column) {
        int position = header.positionOf(column);
        return position < 0 ? null : valueAt(position);
    }

    @Override
    public boolean containsKey(Object column) {
        return header.positionOf(column) >= 0;
    }

    @Override
    public int size() {
        return header.valueCount();
    }

    @Override
    public Set<Entry<String, RawValue>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, RawValue>> iterator() {
                return new Iterator<>() {
                    private int position;

                    @Override
                    public boolean hasNext() {
                        return position < header.valueCount();
                    }

                    @Override
                    public Entry<String, RawValue> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, RawValue> entry = Map.entry(header.valueName(position), valueAt(position));
                        position++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return header.valueCount();
            }
        };
    }

    private RawValue valueAt(int position) {
        String value = values[position];
        return value.isEmpty() ? RawValue.Missing.INSTANCE : new RawValue.Text(value);
    }
}
