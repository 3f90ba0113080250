package io.vlmeta.engine;

/**
 * One discovered plugin, for {@code vlmeta plugins}.
 *
 * @param kind        {@code source}, {@code field-type} or {@code sink}
 * @param name        the name users pass in flags
 * @param description one line from the plugin
 * @param origin      the jar (or class folder) it came from
 */
public record PluginInfo(String kind, String name, String description, String origin) {
}
