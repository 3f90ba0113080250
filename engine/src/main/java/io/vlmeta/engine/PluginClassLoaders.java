package io.vlmeta.engine;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Builds the one child class loader over every readable jar in the plugins folders. A file that is
 * not a readable jar is reported and left out, so it cannot take the other plugins down.
 */
final class PluginClassLoaders {

    private PluginClassLoaders() {
    }

    record Result(ClassLoader loader, List<String> failures) {
    }

    static Result over(List<Path> pluginDirs, ClassLoader parent) {
        List<URL> urls = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path dir : pluginDirs) {
            for (Path jar : jarsIn(dir, failures)) {
                try (JarFile ignored = new JarFile(jar.toFile())) {
                    urls.add(jar.toUri().toURL());
                } catch (IOException | SecurityException e) {
                    failures.add(jar + ": not a readable jar (" + e.getMessage() + "); skipped");
                }
            }
        }
        if (urls.isEmpty()) {
            return new Result(parent, failures);
        }
        return new Result(new URLClassLoader("vlmeta-plugins", urls.toArray(URL[]::new), parent), failures);
    }

    private static List<Path> jarsIn(Path dir, List<String> failures) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            // sorted, so discovery order (and therefore error messages) does not depend on the file system
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            failures.add(dir + ": cannot list plugins folder (" + e.getMessage() + ")");
            return List.of();
        }
    }

    static String originOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "built-in";
            }
            Path path = Path.of(source.getLocation().toURI());
            Path name = path.getFileName();
            if (name != null && name.toString().equals("classes") && path.getParent() != null) {
                // a module's target/classes during development: name the module folder instead
                Path module = path.getParent().getParent();
                return module == null ? path.toString() : module.getFileName() + "/target/classes";
            }
            return name == null ? path.toString() : name.toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
            return "unknown";
        }
    }
}
