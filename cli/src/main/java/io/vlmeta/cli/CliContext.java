package io.vlmeta.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line reads from the world, read once by {@link Main} and passed in, so tests can
 * run the real commands with their own environment and streams.
 *
 * @param environment the process environment ({@code VL_BASE_URL}, {@code VL_API_KEY}, {@code VL_API_SECRET}, ...)
 * @param out         standard output
 * @param err         standard error
 * @param terminal    true when a person watches (a console is attached): emoji and progress bars
 * @param home        the user's home folder, for {@code ~/.vlmeta/plugins}
 * @param in          standard input, read for {@code --csv -} and {@code --input -}
 */
public record CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                         Path home, InputStream in) {

    public CliContext {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(in, "in");
    }

    /** A context whose standard input is empty. */
    public CliContext(Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal,
                      Path home) {
        this(environment, out, err, terminal, home, InputStream.nullInputStream());
    }

    /** @return the environment variable, when set and not blank */
    public Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }
}
