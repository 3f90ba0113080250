package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vlmeta emulator --dataset d=FILE} with a FILE it cannot take, and {@code --dump} with a file it
 * cannot write: each refusal says in plain words what is wrong and what would be accepted, naming the file
 * and the line where one is known, without library class names, library advice or bare exception messages.
 */
class DatasetFileRefusalsTest {
    private static final String ACCEPTED = "give a UTF-8 text file with one file name per line, or an export CSV with"
            + " a 'filename' column";

    @TempDir
    Path dir;

    /** Asserts a usage refusal of dataset d's FILE, exit code 2, whose reason is exactly {@code reason}. */
    private static void assertRefused(Path file, String reason) throws InterruptedException {
        EndedRun run = EndedRun.of("--port", "0", "--dataset", "d=" + file);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.firstErrorLine()).isEqualTo("Error: Cannot read the file list of dataset 'd' (" + file + "): " + reason
                + ".");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("CSVFormat").doesNotContain("Input length")
                .doesNotContain("\tat ");
        assertThat(run.out()).doesNotContain("listening");
    }

    @Test
    void aMissingFileIsSaidNotToExist() throws Exception {
        assertRefused(dir.resolve("nonexist.csv"), "the file does not exist; " + ACCEPTED);
    }

    @Test
    void aFolderIsSaidToBeAFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("images"));

        assertRefused(folder, "it is a folder; " + ACCEPTED);
    }

    @Test
    void aFileOfOtherBytesThanUtf8IsToldToBeSavedAsUtf8WithItsLine() throws Exception {
        Path binary = dir.resolve("files.bin");
        Files.write(binary, new byte[] {'a', '.', 'j', 'p', 'g', '\n', (byte) 0xC3, '(', 0, (byte) 0xFF, '\n'});

        assertRefused(binary, "it holds bytes that are not UTF-8 text (first on line 2); save it as UTF-8, with one"
                + " file name per line or as an export CSV with a 'filename' column");
    }

    @Test
    void anExportInLatin1IsToldToBeSavedAsUtf8() throws Exception {
        Path latin1 = dir.resolve("export.csv");
        Files.write(latin1, "media_id,filename\nm1,caf\u00e9.jpg\n".getBytes(StandardCharsets.ISO_8859_1));

        assertRefused(latin1, "it holds bytes that are not UTF-8 text (first on line 2); save it as UTF-8, with one"
                + " file name per line or as an export CSV with a 'filename' column");
    }

    @Test
    void aQuoteLeftOpenNamesTheLineItStartsOn() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "media_id,filename\nm1,a.jpg\nm2,\"b.jpg\nm3,c.jpg\n");

        assertRefused(export, "a quoted value starts on line 3 and is never closed; end it with a closing \", and write"
                + " a quote inside a quoted value as \"\"");
    }

    @Test
    void textAfterAClosingQuoteNamesItsLine() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "media_id,filename\nm1,a.jpg\nm2,\"my\" photo.jpg\n");

        assertRefused(export, "line 3 has text after a quoted value's closing quote; put the whole value inside the"
                + " quotes (e.g. \"my photo.jpg\"), and write a quote inside it as \"\"");
    }

    @Test
    void aColumnNamedTwiceIsNamed() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "media_id,filename,filename\nm1,a.jpg,b.jpg\n");

        assertRefused(export, "its header names the column 'filename' twice; give each column its own name");
    }

    @Test
    void aColumnWithoutANameIsSaidToBeUnnamed() throws Exception {
        Path export = Files.writeString(dir.resolve("export.csv"), "media_id,filename,\nm1,a.jpg,\n");

        assertRefused(export, "its header has a column without a name (an empty name between commas, or a comma at"
                + " the end); name every column");
    }

    @Test
    void aDumpWhoseFolderIsDeletedWhileRunningSaysSoAndEndsWithExitCode1() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("dd"));
        Path dump = folder.resolve("s.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        CommandLine command = new CommandLine(new EmulatorCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        Thread thread = new Thread(() -> exitCode.set(command.execute("--port", "0", "--dump", dump.toString())));
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString().contains("Press Ctrl+C") && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        assertThat(out.toString()).as(err.toString()).contains("Press Ctrl+C");

        Files.delete(folder);
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(thread.isAlive()).isFalse();
        assertThat(exitCode.get()).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("Error: Cannot write the state to " + dump + ": the folder "
                + folder.toAbsolutePath() + " no longer exists; create it again, or give --dump a file in a folder"
                + " that stays while the emulator runs\n");
        assertThat(out.toString()).doesNotContain("State written");
    }
}
