package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.Problem;
import java.util.List;

/** The column state of a field type without whole-column rules: it keeps nothing and declares the type. */
final class SimpleColumnAccumulator implements ColumnAccumulator {

    private final FieldDeclaration declaration;

    SimpleColumnAccumulator(String fieldName, String handler, String serverType) {
        this.declaration = FieldDeclaration.simple(fieldName, handler, serverType);
    }

    @Override
    public void add(Object json) {
        // Every value was checked on its own; nothing about the column as a whole is needed.
    }

    @Override
    public List<Problem> finish() {
        return List.of();
    }

    @Override
    public FieldDeclaration declaration() {
        return declaration;
    }
}
