package io.vlmeta.benchmarks;

import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.VlmetaException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Inputs for the JMH benchmarks, drawn from the same generator as the scale runs. */
public final class BenchmarkData {

    private BenchmarkData() {
    }

    /**
     * @param type  a field type name
     * @return the first generated field of that type
     */
    public static BenchmarkField firstFieldOf(String type) {
        return BenchmarkSchema.FIELDS.stream().filter(f -> f.type().equals(type)).findFirst()
                .orElseThrow(() -> VlmetaException.usage("No generated field has type '" + type + "'."));
    }

    /**
     * @param field the field
     * @param count how many non-empty cells to return
     * @param seed  the generator's seed
     * @return the field's first {@code count} non-empty cells, as a CSV source reads them
     */
    public static RawValue[] cells(BenchmarkField field, int count, long seed) {
        int position = BenchmarkSchema.FIELDS.indexOf(field);
        RowGenerator rows = new RowGenerator(seed);
        List<RawValue> cells = new ArrayList<>(count);
        while (cells.size() < count) {
            String value = rows.next().value(position);
            if (!value.isEmpty()) {
                cells.add(new RawValue.Text(value));
            }
        }
        return cells.toArray(RawValue[]::new);
    }

    /**
     * @param count how many paths
     * @return the paths of images 0 to {@code count - 1}
     */
    public static String[] paths(int count) {
        String[] paths = new String[count];
        for (int i = 0; i < count; i++) {
            paths[i] = RowGenerator.path(i);
        }
        return paths;
    }

    /**
     * @param name a field type name
     * @return the installed handler of that name, found as the engine finds it
     */
    public static FieldTypeHandler handler(String name) {
        return ServiceLoader.load(FieldTypeHandler.class).stream().map(ServiceLoader.Provider::get)
                .filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> VlmetaException.usage("No field type named '" + name + "' is installed."));
    }
}
