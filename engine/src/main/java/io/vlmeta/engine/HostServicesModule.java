package io.vlmeta.engine;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

import java.time.Clock;

/**
 * What the host offers plugins through constructor injection. Only JDK types: a plugin must not
 * need vlmeta's libraries to ask for them.
 */
final class HostServicesModule extends AbstractModule {

    @Provides
    Clock clock() {
        return Clock.systemUTC();
    }
}
