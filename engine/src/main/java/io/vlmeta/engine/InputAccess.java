package io.vlmeta.engine;

import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the input can be read at all, asked before any source is chosen: a file that cannot be opened or a
 * folder that cannot be listed is refused in {@link FileFaults}' words whether or not {@code --source} named the
 * source, since no source can read it. Asked of the sources instead, each would find nothing to claim and the
 * refusal would be "no source can read it", which sends the user naming one.
 */
final class InputAccess {
    private InputAccess() {
    }

    /**
     * @param input the input file or folder, never null
     * @param label how messages name it, never null
     * @throws VlmetaException {@code INPUT_UNREADABLE} when the input does not exist (a symbolic link to nothing
     *     or in a loop included), cannot be opened, or is a folder that cannot be listed
     */
    static void check(Path input, String label) {
        if (Files.isDirectory(input)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(input)) {
                entries.iterator().hasNext();
            } catch (IOException e) {
                throw FileFaults.unlistableInput(input, label, e);
            } catch (DirectoryIteratorException e) {
                throw FileFaults.unlistableInput(input, label, e.getCause());
            }
            return;
        }
        if (Files.exists(input) && !Files.isRegularFile(input)) {
            return; // a device or a pipe: opening may wait for a writer, so its source is left to find out
        }
        try (SeekableByteChannel opened = Files.newByteChannel(input)) {
            // opened and closed: reading is the source's
        } catch (IOException e) {
            throw FileFaults.unreadableInput(input, label, e);
        }
    }
}
