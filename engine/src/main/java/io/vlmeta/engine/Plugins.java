package io.vlmeta.engine;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.SinkProvider;
import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.VlmetaException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every source, field type and sink found on the class path and in the plugins folders, created
 * once; a provider with an {@code @Inject} constructor gets its dependencies through Guice
 * ({@link PluginFactory}).
 */
public final class Plugins {

    private final Map<String, SourceProvider> sources;
    private final Map<String, FieldTypeHandler> fieldTypes;
    private final Map<String, SinkProvider> sinks;
    private final List<PluginInfo> infos;
    private final List<String> loadFailures;

    private Plugins(Map<String, SourceProvider> sources, Map<String, FieldTypeHandler> fieldTypes,
                    Map<String, SinkProvider> sinks, List<PluginInfo> infos, List<String> loadFailures) {
        this.sources = sources;
        this.fieldTypes = fieldTypes;
        this.sinks = sinks;
        this.infos = infos;
        this.loadFailures = loadFailures;
    }

    /**
     * Finds every plugin on the class path and in the jars of the given folders (missing folders are fine).
     *
     * @throws VlmetaException when two plugins of one kind claim the same name (naming both jars)
     */
    public static Plugins discover(List<Path> pluginDirs) {
        PluginClassLoaders.Result loaders = PluginClassLoaders.over(pluginDirs, Plugins.class.getClassLoader());
        List<String> failures = new ArrayList<>(loaders.failures());
        // Providers declare what they need in an @Inject constructor; the rest are created without Guice.
        PluginFactory factory = new PluginFactory();
        List<PluginInfo> infos = new ArrayList<>();
        Map<String, SourceProvider> sources = load(PluginKind.SOURCE, SourceProvider.class, loaders.loader(),
                factory, infos, failures);
        Map<String, FieldTypeHandler> fieldTypes = load(PluginKind.FIELD_TYPE, FieldTypeHandler.class,
                loaders.loader(), factory, infos, failures);
        Map<String, SinkProvider> sinks = load(PluginKind.SINK, SinkProvider.class, loaders.loader(), factory,
                infos, failures);
        return new Plugins(sources, fieldTypes, sinks, List.copyOf(infos), List.copyOf(failures));
    }

    private static <T> Map<String, T> load(PluginKind kind, Class<T> spi, ClassLoader loader, PluginFactory factory,
                                           List<PluginInfo> infos, List<String> failures) {
        Map<String, T> byName = new LinkedHashMap<>();
        Map<String, String> originByName = new LinkedHashMap<>();
        for (ServiceFiles.Found found : ServiceFiles.providerTypes(spi, loader, failures)) {
            if (found.type() == null) {
                failures.add(kind.label() + " plugin skipped: " + found.failure());
                continue;
            }
            Class<? extends T> type = found.type().asSubclass(spi);
            T instance;
            try {
                instance = factory.create(type);
            } catch (RuntimeException | LinkageError e) {
                failures.add(kind.label() + " plugin " + type.getName() + " skipped: " + describe(e));
                continue;
            }
            String name = kind.nameOf(instance);
            String origin = PluginClassLoaders.originOf(type);
            String earlier = originByName.putIfAbsent(name, origin);
            if (earlier != null) {
                throw new VlmetaException(ErrorCode.PLUGIN, "Two " + kind.label() + " plugins are named '" + name
                        + "': one in " + earlier + ", one in " + origin + ". Remove one of the jars.");
            }
            byName.put(name, instance);
            infos.add(new PluginInfo(kind.label(), name, kind.descriptionOf(instance), origin));
        }
        return Collections.unmodifiableMap(byName);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return root == e ? message : message + " (" + root + ")";
    }

    /** @return every plugin, sources first, then field types, then sinks */
    public List<PluginInfo> all() {
        return infos;
    }

    /** @return reasons why some plugin jars or providers were skipped */
    public List<String> loadFailures() {
        return loadFailures;
    }

    /** @return the sources by name */
    public Map<String, SourceProvider> sources() {
        return sources;
    }

    /** @return the field types by name */
    public Map<String, FieldTypeHandler> fieldTypes() {
        return fieldTypes;
    }

    /** @return the sinks by name */
    public Map<String, SinkProvider> sinks() {
        return sinks;
    }

    /** @throws VlmetaException (usage) naming the known field types when there is none by that name */
    public FieldTypeHandler fieldType(String name) {
        FieldTypeHandler handler = fieldTypes.get(name);
        if (handler == null) {
            throw VlmetaException.usage("Unknown field type '" + name + "'. Known types: "
                    + String.join(", ", fieldTypes.keySet()) + ".");
        }
        return handler;
    }

    /** @throws VlmetaException (usage) naming the known sinks when there is none by that name */
    public SinkProvider sink(String name) {
        SinkProvider sink = sinks.get(name);
        if (sink == null) {
            throw VlmetaException.usage("No sink named '" + name + "' is installed. Installed sinks: "
                    + (sinks.isEmpty() ? "none" : String.join(", ", sinks.keySet())) + ".");
        }
        return sink;
    }

    @Override
    public String toString() {
        return infos.stream().map(i -> i.kind() + ":" + i.name()).collect(Collectors.joining(", ", "Plugins[", "]"));
    }
}
