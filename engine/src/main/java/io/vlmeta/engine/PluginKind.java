package io.vlmeta.engine;

import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SourceProvider;

import java.util.function.Function;

/** The three SPI kinds, with how to read a provider's name and description. */
enum PluginKind {
    SOURCE("source"),
    FIELD_TYPE("field-type"),
    SINK("sink");

    private final String label;

    PluginKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String nameOf(Object provider) {
        return describe(provider, SourceProvider::name, FieldTypeHandler::name, SinkProvider::name);
    }

    String descriptionOf(Object provider) {
        return describe(provider, SourceProvider::description, FieldTypeHandler::description,
                SinkProvider::description);
    }

    private String describe(Object provider, Function<SourceProvider, String> source,
                            Function<FieldTypeHandler, String> fieldType, Function<SinkProvider, String> sink) {
        return switch (this) {
            case SOURCE -> source.apply((SourceProvider) provider);
            case FIELD_TYPE -> fieldType.apply((FieldTypeHandler) provider);
            case SINK -> sink.apply((SinkProvider) provider);
        };
    }
}
