package io.vlmeta.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Folders to build a PATH from: one with only the commands {@code bin/vlmeta} uses (a shell and a few
 * coreutils), so that no Maven and no Java is found through it, and others that add a Java, the real one
 * or a fake that says it is an old version.
 */
final class Tools {
    /** what bin/vlmeta needs besides shell built-ins */
    static final List<String> NEEDED_COMMANDS = List.of("sh", "dirname", "readlink", "sed");
    /** what bin/vlmeta runs besides shell built-ins: the needed ones and those its class data sharing uses */
    static final List<String> SCRIPT_COMMANDS = List.of("sh", "dirname", "readlink", "sed", "cksum", "wc", "mkdir",
            "touch", "mv", "rm", "df");

    private Tools() {
    }

    /** @return a folder of links to {@link #SCRIPT_COMMANDS}, and nothing else */
    static Path scriptCommands(Path dir) throws IOException {
        return commands(dir.resolve("tools"), SCRIPT_COMMANDS);
    }

    /** @return a folder of links to the commands named, and nothing else */
    static Path commands(Path folder, List<String> commands) throws IOException {
        Path tools = Files.createDirectories(folder);
        for (String command : commands) {
            Path real = List.of(Path.of("/usr/bin", command), Path.of("/bin", command)).stream()
                    .filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + command + " in /usr/bin or /bin"));
            Files.createSymbolicLink(tools.resolve(command), real.toRealPath());
        }
        return tools;
    }

    /** @return a folder holding a link named {@code java} to the Java running the tests */
    static Path realJava(Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("java-on-path"));
        Files.createSymbolicLink(folder.resolve("java"), javaHome().resolve("bin/java"));
        return folder;
    }

    /** @return a folder holding a {@code java} script that prints {@code version} as {@code java -version} does */
    static Path fakeJava(Path dir, String name, String versionLine) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Path java = folder.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho '" + versionLine + "' >&2\necho 'the fake ran' >&2\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return folder;
    }

    static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    /** @return the folders joined as a PATH */
    static String path(Path... folders) {
        StringBuilder path = new StringBuilder();
        for (Path folder : folders) {
            path.append(path.length() == 0 ? "" : ":").append(folder);
        }
        return path.toString();
    }
}
