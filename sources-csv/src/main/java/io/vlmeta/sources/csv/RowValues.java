package io.vlmeta.sources.csv;

import io.vlmeta.api.RawValue;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row's values by column name, read-only, as a view over the row's cells and the shared
 * {@link CsvHeader}: no per-row hash table. Every value column the header has is present; cells
 * past the end of a short row and empty cells read as {@link RawValue.Missing}, others as
 * untrimmed {@link RawValue.Text}.
 */
final class RowValues extends AbstractMap<String, RawValue> {

    private final CsvHeader header;
    private final String[] cells;

    RowValues(CsvHeader header, String[] cells) {
        this.header = header;
        this.cells = cells;
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
        int cell = header.valueCell(position);
        if (cell >= cells.length || cells[cell].isEmpty()) {
            return RawValue.Missing.INSTANCE;
        }
        return new RawValue.Text(cells[cell]);
    }
}
