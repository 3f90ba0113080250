package io.vlmeta.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime image's fixed module list (jlink.modules in the pom) still covers every JDK module the runnable
 * jar's classes refer to, as {@code jdeps} finds them: a library upgrade that starts using another module
 * fails here instead of on a user's machine without Java.
 */
class RuntimeModulesIT {
    @Test
    void theImageHoldsEveryModuleJdepsFindsInTheJar() throws Exception {
        Path jar = Archives.DIR.resolve("lib/vlmeta.jar");
        Path work = Archives.DIR;

        Launch jdeps = Launch.run(work.resolve("lib"), Map.of(), Tools.javaHome().resolve("bin/jdeps").toString(),
                "--print-module-deps", "--ignore-missing-deps", "--multi-release", "17", jar.toString());

        assertThat(jdeps.exitCode()).as(jdeps.both()).isZero();
        List<String> needed = List.of(jdeps.out().strip().split(","));
        assertThat(needed).isNotEmpty().allMatch(name -> name.startsWith("java.") || name.startsWith("jdk."));
        assertThat(List.of(System.getProperty("vlmeta.jlink.modules").split(","))).containsAll(needed);
    }
}
