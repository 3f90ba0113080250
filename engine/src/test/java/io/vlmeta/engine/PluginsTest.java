package io.vlmeta.engine;

import io.vlmeta.api.SourceProvider;
import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginsTest {

    @TempDir
    Path dir;

    private static String source(String pkg, String name, String extra) {
        return """
                package %s;
                import io.vlmeta.api.*;
                import java.nio.file.Path;
                public final class Provider implements SourceProvider {
                    private final String detail;
                    %s
                    public String name() { return "%s"; }
                    public String description() { return "from " + getClass().getPackageName() + detail; }
                    public int score(Path path) { return 0; }
                    public RecordSource open(SourceRequest request, ProblemReporter reporter) {
                        throw VlmetaException.usage("not used");
                    }
                }
                """.formatted(pkg, extra, name);
    }

    private Path pluginJar(String jarName, String pkg, String name, String constructor) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("plugins"));
        Path jar = TestJars.build(dir, jarName, Map.of(pkg + ".Provider", source(pkg, name, constructor)),
                Map.of(SourceProvider.class.getName(), pkg + ".Provider"));
        return Files.move(jar, folder.resolve(jarName));
    }

    @Test
    void findsClassPathProvidersOfEveryKindWithTheirOrigin() {
        Plugins plugins = Plugins.discover(List.of());

        assertThat(plugins.all()).extracting(PluginInfo::kind, PluginInfo::name)
                .contains(org.assertj.core.groups.Tuple.tuple("source", "pipe"),
                        org.assertj.core.groups.Tuple.tuple("field-type", "float"),
                        org.assertj.core.groups.Tuple.tuple("sink", "recording"));
        assertThat(plugins.all()).allSatisfy(info -> assertThat(info.origin()).isNotBlank());
        assertThat(plugins.loadFailures()).isEmpty();
    }

    @Test
    void dropInJarProviderGetsItsDependenciesThroughConstructorInjection() throws IOException {
        pluginJar("clocked.jar", "ext.clocked", "clocked",
                "@jakarta.inject.Inject public Provider(java.time.Clock clock) { this.detail = \" (clock \" + clock.getZone() + \")\"; }");

        Plugins plugins = Plugins.discover(List.of(dir.resolve("plugins")));

        assertThat(plugins.loadFailures()).isEmpty();
        PluginInfo info = plugins.all().stream().filter(p -> p.name().equals("clocked")).findFirst().orElseThrow();
        assertThat(info.origin()).isEqualTo("clocked.jar");
        assertThat(info.description()).isEqualTo("from ext.clocked (clock Z)");
        assertThat(plugins.sources()).containsKey("clocked");
    }

    @Test
    void twoPluginsClaimingOneNameIsAStartupErrorNamingBothJars() throws IOException {
        pluginJar("first.jar", "ext.first", "twin", "public Provider() { this.detail = \"\"; }");
        pluginJar("second.jar", "ext.second", "twin", "public Provider() { this.detail = \"\"; }");

        assertThatThrownBy(() -> Plugins.discover(List.of(dir.resolve("plugins"))))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Two source plugins are named 'twin': one in first.jar, one in second.jar. "
                        + "Remove one of the jars.");
    }

    @Test
    void aBrokenJarIsReportedAndSkippedWhileTheOthersLoad() throws IOException {
        pluginJar("good.jar", "ext.good", "good", "public Provider() { this.detail = \"\"; }");
        Files.writeString(dir.resolve("plugins/broken.jar"), "this is not a zip file");

        Plugins plugins = Plugins.discover(List.of(dir.resolve("plugins")));

        assertThat(plugins.sources()).containsKey("good");
        assertThat(plugins.loadFailures()).singleElement().asString()
                .contains("broken.jar").contains("not a readable jar");
    }

    @Test
    void aProviderWhoseConstructorFailsIsSkippedWithItsReason() throws IOException {
        pluginJar("failing.jar", "ext.failing", "failing",
                "public Provider() { throw new IllegalStateException(\"needs a licence key\"); }");

        Plugins plugins = Plugins.discover(List.of(dir.resolve("plugins")));

        assertThat(plugins.sources()).doesNotContainKey("failing").containsKey("pipe");
        assertThat(plugins.loadFailures()).singleElement().asString().contains("needs a licence key");
    }

    @Test
    void missingPluginFoldersAreFine() {
        Plugins plugins = Plugins.discover(List.of(dir.resolve("does-not-exist")));

        assertThat(plugins.sources()).containsKey("pipe");
        assertThat(plugins.loadFailures()).isEmpty();
    }

    @Test
    void unknownFieldTypeNamesTheKnownOnes() {
        Plugins plugins = Plugins.discover(List.of());

        assertThatThrownBy(() -> plugins.fieldType("integer"))
                .hasMessage("Unknown field type 'integer'. Known types: string, enum, float, shifting.");
    }
}
