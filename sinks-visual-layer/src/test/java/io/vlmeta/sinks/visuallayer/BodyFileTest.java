package io.vlmeta.sinks.visuallayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.VlmetaException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A download that cannot be saved is the file's fault, said in words; one that cannot be read is the network's. */
class BodyFileTest {
    @TempDir
    Path dir;

    @Test
    void savesTheWholeBody() throws IOException {
        Path file = dir.resolve("export.csv.part");

        BodyFile.save(new ByteArrayInputStream("filename\na.jpg\n".getBytes(StandardCharsets.UTF_8)), file);

        assertThat(file).hasContent("filename\na.jpg\n");
    }

    @Test
    void aFolderWhereTheFileGoesIsSaidInWordsNotAsTheServersFault() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("export.csv.part"));

        assertThatThrownBy(() -> BodyFile.save(new ByteArrayInputStream(new byte[] {1}), folder))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Cannot save the download in the folder " + dir + ": it is a folder; choose a file in a"
                        + " writable folder.");
    }

    @Test
    void aFolderThatTakesNoFilesIsNamed() {
        Path file = Path.of("/proc/vlmeta-export.csv.part");

        assertThatThrownBy(() -> BodyFile.save(new ByteArrayInputStream(new byte[] {1}), file))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("Cannot save the download in the folder /proc: the folder /proc does not let files be"
                        + " created in it; choose a file in a writable folder.");
    }

    @Test
    void aConnectionThatBreaksStaysAnIoFaultForTheRetries() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        };

        assertThatThrownBy(() -> BodyFile.save(broken, dir.resolve("export.csv.part")))
                .isInstanceOf(IOException.class).hasMessage("Connection reset");
    }
}
