package io.vlmeta.engine;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginFactoryTest {

    public static final class Plain {
        final String made = "by its constructor";
    }

    public static final class ClockedByConstructor {
        final Clock clock;

        @Inject
        public ClockedByConstructor(Clock clock) {
            this.clock = clock;
        }
    }

    public static final class ClockedByField {
        @Inject
        Clock clock;
    }

    public static class Base {
        @Inject
        Clock clock;
    }

    public static final class InheritsAnInjectedField extends Base {
    }

    public static final class ThrowsChecked {
        public ThrowsChecked() throws IOException {
            throw new IOException("licence file unreadable");
        }
    }

    public static final class ThrowsUnchecked {
        public ThrowsUnchecked() {
            throw new IllegalStateException("needs a licence key");
        }
    }

    static final class PackagePrivate {
        PackagePrivate() {
        }
    }

    @Test
    void createsAProviderThatAsksForNothingWithoutBuildingTheInjector() {
        PluginFactory factory = new PluginFactory();

        Plain plain = factory.create(Plain.class);

        assertThat(plain.made).isEqualTo("by its constructor");
        assertThat(factory.usedInjector()).isFalse();
    }

    @Test
    void injectsTheClockThroughAnInjectConstructor() {
        PluginFactory factory = new PluginFactory();

        assertThat(factory.create(ClockedByConstructor.class).clock).isEqualTo(Clock.systemUTC());
        assertThat(factory.usedInjector()).isTrue();
    }

    @Test
    void injectsFieldsOfTheTypeAndOfItsSuperclasses() {
        PluginFactory factory = new PluginFactory();

        assertThat(factory.create(ClockedByField.class).clock).isEqualTo(Clock.systemUTC());
        assertThat(factory.create(InheritsAnInjectedField.class).clock).isEqualTo(Clock.systemUTC());
    }

    @Test
    void leavesATypeWithoutAPublicConstructorToGuice() {
        assertThat(PluginFactory.plainConstructor(PackagePrivate.class)).isNull();
        assertThat(PluginFactory.plainConstructor(Plain.class)).isNotNull();
    }

    @Test
    void passesOnWhatTheConstructorThrew() {
        PluginFactory factory = new PluginFactory();

        assertThatThrownBy(() -> factory.create(ThrowsUnchecked.class)).isInstanceOf(IllegalStateException.class)
                .hasMessage("needs a licence key");
        assertThatThrownBy(() -> factory.create(ThrowsChecked.class))
                .isInstanceOf(PluginFactory.PluginCreationException.class).hasMessage("licence file unreadable")
                .hasCauseInstanceOf(IOException.class);
        assertThat(factory.usedInjector()).isFalse();
    }
}
