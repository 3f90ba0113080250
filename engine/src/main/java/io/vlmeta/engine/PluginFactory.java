package io.vlmeta.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Set;

/**
 * Creates plugin instances. A provider that asks for nothing (a public class with a public no-arg
 * constructor and no {@code @Inject} member) is created through that constructor; only a provider
 * with an {@code @Inject} constructor, field or method goes through Guice, so its injector (several
 * hundred classes to load, a measurable share of a short run's start-up, see BENCHMARKS.md) is built
 * on first need and not at all when no plugin injects anything.
 *
 * <p>Not thread-safe: plugins are discovered on one thread.
 */
final class PluginFactory {
    /** The annotations Guice honours for injection points. */
    private static final Set<String> INJECT = Set.of("jakarta.inject.Inject", "javax.inject.Inject",
            "com.google.inject.Inject");

    private Injector injector;

    /**
     * @throws RuntimeException what the constructor threw (a {@link PluginCreationException} carrying it
     *     when created directly), or Guice's {@code ProvisionException} / {@code ConfigurationException}
     * @throws LinkageError when a class the plugin needs is missing
     */
    <T> T create(Class<T> type) {
        Constructor<T> constructor = plainConstructor(type);
        if (constructor == null) {
            return injector().getInstance(type);
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new PluginCreationException(cause);
        } catch (ReflectiveOperationException e) {
            throw new PluginCreationException(e);
        }
    }

    /** @return whether the Guice injector has been built (for tests) */
    boolean usedInjector() {
        return injector != null;
    }

    private Injector injector() {
        if (injector == null) {
            injector = Guice.createInjector(new HostServicesModule());
        }
        return injector;
    }

    /** @return the public no-arg constructor when the type needs no injection, else {@code null} */
    static <T> Constructor<T> plainConstructor(Class<T> type) {
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                || type.isInterface() || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (injects(c.getDeclaredConstructors()) || injects(c.getDeclaredFields())
                    || injects(c.getDeclaredMethods())) {
                return null;
            }
        }
        try {
            Constructor<T> constructor = type.getConstructor();
            return Modifier.isPublic(constructor.getModifiers()) ? constructor : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean injects(AccessibleObject[] members) {
        for (AccessibleObject member : members) {
            for (Annotation annotation : member.getDeclaredAnnotations()) {
                if (INJECT.contains(annotation.annotationType().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A checked exception thrown by a plugin's constructor, or a reflective failure to call it. */
    static final class PluginCreationException extends RuntimeException {
        PluginCreationException(Throwable cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }
}
