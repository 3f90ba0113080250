package io.vlmeta.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/vlmeta.cmd as the zip carries it, checked as far as a Linux build can: cmd.exe itself cannot run here.
 * What is checked is what breaks Windows scripts in practice: LF line endings (cmd.exe misreads labels and
 * long lines), unquoted paths (a space in "Program Files"; the ")" of "Program Files (x86)" ending a
 * parenthesised block early, which quotes prevent), and arguments re-split instead of passed as typed ({@code %*}).
 */
class WindowsScriptIT {
    @TempDir
    Path dir;

    private String script() throws Exception {
        Path home = Archives.unpack(Archives.archive(".zip"), dir);
        return Files.readString(home.resolve("bin/vlmeta.cmd"), StandardCharsets.UTF_8);
    }

    @Test
    void everyLineEndsWithCrLf() throws Exception {
        String script = script();

        assertThat(script).endsWith("\r\n");
        assertThat(script.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void runsTheJarBesideItWithTheArgumentsAsTypedAndKeepsTheExitCode() throws Exception {
        List<String> lines = script().lines().toList();

        // Java's own warnings go to standard error before the user's options, which may still send them elsewhere
        assertThat(lines).contains("set \"VLMETA_HOME=%~dp0..\"", "set \"VLMETA_JAR=%VLMETA_HOME%\\lib\\vlmeta.jar\"",
                "\"%VLMETA_JAVA%\" -Xlog:all=off:stdout -Xlog:all=warning:stderr %VLMETA_JAVA_OPTS% -jar \"%VLMETA_JAR%\" %*",
                "exit /b %ERRORLEVEL%");
    }

    @Test
    void findsJavaThroughJavaHomeThenThePathAndChecksItsVersion() throws Exception {
        String script = script();

        assertThat(script).contains("set \"VLMETA_JAVA=%JAVA_HOME%\\bin\\java.exe\"")
                .contains("set \"VLMETA_JAVA=%%~$PATH:J\"")
                .contains("if %VLMETA_JAVA_FEATURE% GEQ 17 goto run")
                .contains("vlmeta needs Java 17 or newer");
    }

    @Test
    void quotesEveryExpandedPath() throws Exception {
        for (String line : script().lines().toList()) {
            if (line.startsWith("rem ") || line.startsWith("echo ")) {
                continue;
            }
            for (String variable : List.of("%VLMETA_HOME%", "%VLMETA_JAVA%", "%VLMETA_JAR%", "%JAVA_HOME%", "%~dp0")) {
                int at = line.indexOf(variable);
                while (at >= 0) {
                    String before = line.substring(0, at);
                    long quotes = before.chars().filter(c -> c == '"').count();
                    assertThat(quotes % 2).as("%s is inside quotes in: %s", variable, line).isEqualTo(1);
                    at = line.indexOf(variable, at + 1);
                }
            }
        }
    }
}
