package io.vlmeta.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code META-INF/services} files the way {@link java.util.ServiceLoader} does, but yields
 * provider <em>types</em> only. {@code ServiceLoader.stream()} insists on a public no-arg
 * constructor for class-path providers before handing out the type, which would rule out the
 * {@code @Inject} constructors Guice is here to call.
 */
final class ServiceFiles {

    private ServiceFiles() {
    }

    /** A provider type found, or why one could not be loaded. */
    record Found(Class<?> type, String failure) {
    }

    static List<Found> providerTypes(Class<?> spi, ClassLoader loader, List<String> failures) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> files = loader.getResources("META-INF/services/" + spi.getName());
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                try {
                    names.addAll(readNames(file));
                } catch (IOException e) {
                    failures.add(file + ": cannot read (" + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            failures.add("cannot list " + spi.getSimpleName() + " plugins: " + e.getMessage());
        }
        List<Found> found = new ArrayList<>();
        for (String name : names) {
            try {
                Class<?> type = Class.forName(name, false, loader);
                if (!spi.isAssignableFrom(type)) {
                    found.add(new Found(null, name + " does not implement " + spi.getName()));
                } else {
                    found.add(new Found(type, null));
                }
            } catch (ClassNotFoundException | LinkageError e) {
                found.add(new Found(null, name + " cannot be loaded (" + e + ")"));
            }
        }
        return found;
    }

    private static List<String> readNames(URL file) throws IOException {
        List<String> names = new ArrayList<>();
        var connection = file.openConnection();
        connection.setUseCaches(false); // a cached jar handle would keep plugin jars open and stale
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
