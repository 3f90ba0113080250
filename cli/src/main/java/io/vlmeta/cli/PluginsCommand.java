package io.vlmeta.cli;

import io.vlmeta.engine.PluginInfo;
import io.vlmeta.engine.Plugins;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vlmeta plugins}: every source, field type and sink found, with the jar it came from. */
@Command(name = "plugins", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Lists every discovered source, field type and sink, with the jar it came from. Drop a "
                + "plugin jar into ./plugins or ~/.vlmeta/plugins (or pass --plugins-dir) to add one."},
        footerHeading = "%nExamples:%n",
        footer = {"  vlmeta plugins", "  vlmeta plugins --plugins-dir ./my-plugins"})
final class PluginsCommand implements Callable<Integer> {

    @Mixin
    PluginDirs pluginDirs = new PluginDirs();

    private final CliContext context;

    PluginsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Plugins plugins = Plugins.discover(pluginDirs.folders(context));
        List<PluginInfo> all = plugins.all();
        int kindWidth = width(all.stream().map(PluginInfo::kind).toList(), "KIND");
        int nameWidth = width(all.stream().map(PluginInfo::name).toList(), "NAME");
        int originWidth = width(all.stream().map(PluginInfo::origin).toList(), "FROM");
        String format = "%-" + kindWidth + "s  %-" + nameWidth + "s  %-" + originWidth + "s  %s%n";
        context.out().printf(format, "KIND", "NAME", "FROM", "DESCRIPTION");
        for (PluginInfo plugin : all) {
            context.out().printf(format, plugin.kind(), plugin.name(), plugin.origin(), plugin.description());
        }
        for (String failure : plugins.loadFailures()) {
            context.err().println("Plugin not loaded: " + failure);
        }
        return 0;
    }

    private static int width(List<String> values, String header) {
        return Math.max(header.length(), values.stream().mapToInt(String::length).max().orElse(0));
    }
}
