package io.vlmeta.fieldtypes;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ValueParser;
import java.util.Optional;
import java.util.Set;

/**
 * {@code link}: an absolute {@code http://} or {@code https://} URL with a host, sent as written.
 * Any other protocol, a URL without one ({@code example.com/doc.pdf}) and a URL with white space are
 * refused.
 */
public final class LinkFieldType implements FieldTypeHandler {

    /** The name used in flags and plans. */
    public static final String NAME = "link";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "An http:// or https:// URL";
    }

    /** @return no names: its settings are the job's own flags, none of them a field option */
    @Override
    public Optional<Set<String>> optionNames() {
        return Optional.of(Set.of());
    }

    @Override
    public ValueParser parser(FieldSettings settings) {
        return LinkParser.INSTANCE;
    }

    @Override
    public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
        return new SimpleColumnAccumulator(fieldName, NAME, "link");
    }
}
