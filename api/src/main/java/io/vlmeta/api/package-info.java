/**
 * The vlmeta service-provider interface: what a source, a field type or a sink plugin implements,
 * and the values that cross the plugin boundary.
 *
 * <p>This package depends on the JDK only, so a plugin built against it does not inherit any
 * library version from vlmeta. Plugins are found with {@link java.util.ServiceLoader} through one
 * {@code META-INF/services} file per kind ({@link io.vlmeta.api.SourceProvider},
 * {@link io.vlmeta.api.FieldTypeHandler}, {@link io.vlmeta.api.SinkProvider}) and instantiated by
 * the engine with constructor injection: a provider may declare a {@code jakarta.inject.Inject}
 * constructor, or a public no-argument constructor.
 *
 * <p>Conventions for every type here: parameters and return values are never {@code null} unless a
 * member's Javadoc says so; collections handed across the boundary are immutable.
 *
 * @since 0.1
 */
package io.vlmeta.api;
