package io.vlmeta.emulator;

import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link Emulator} for the tests of a class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static EmulatorExtension emulator = new EmulatorExtension(EmulatorConfig.defaults());
 * }</pre>
 *
 * <p>The emulator starts before all tests of the class and stops after them; its state is shared
 * by those tests, so give each test its own dataset. Test methods and constructors may also take
 * an {@link Emulator} parameter.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final EmulatorConfig config;
    private Emulator emulator;

    /** @param config how to run the emulator; never {@code null} */
    public EmulatorExtension(EmulatorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** An on-premises emulator without faults. */
    public EmulatorExtension() {
        this(EmulatorConfig.defaults());
    }

    /**
     * @return the running emulator
     * @throws IllegalStateException outside the tests of the class that registered the extension
     */
    public Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only during the tests of the class that registers it"
                    + " (register the extension on a static field)");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = Emulator.start(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Emulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
