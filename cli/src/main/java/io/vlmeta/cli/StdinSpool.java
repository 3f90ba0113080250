package io.vlmeta.cli;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.TempFolder;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Standard input ({@code --csv -}, {@code --input -}), or an input that is a pipe rather than a file
 * (a named pipe, {@code /dev/stdin}, a shell's {@code <(...)}), copied to a temporary file, because a
 * job reads its input twice (validation, then upload) and a pipe can be read once. The file is deleted by
 * {@link #close()}, at exit when the run is stopped (Ctrl-C, SIGTERM) before that, and by a later run
 * ({@link TempFolder}) when this one was killed.
 *
 * <p>Its SHA-256 identifies the input for the resume journal: the file's path and time change with
 * every run, the bytes piped in do not.
 */
final class StdinSpool implements AutoCloseable {
    /** The name {@code --csv} and {@code --input} take for standard input. */
    static final String DASH = "-";

    private final TempFolder folder;
    private final Path file;
    private final String sha256;
    private final String origin;

    private StdinSpool(TempFolder folder, Path file, String sha256, String origin) {
        this.folder = folder;
        this.file = file;
        this.sha256 = sha256;
        this.origin = origin;
    }

    /** @return true when the path is {@code -}, standard input */
    static boolean isStdin(Path path) {
        return path != null && path.toString().equals(DASH);
    }

    /**
     * @return true when the path is standard input, or names something that exists and is neither a
     *     regular file nor a folder: a pipe or a device, which can be read once
     */
    static boolean readsOnce(Path path) {
        return isStdin(path) || path != null && Files.exists(path) && !Files.isRegularFile(path)
                && !Files.isDirectory(path);
    }

    /**
     * Copies a pipe named on the command line to the end.
     *
     * @param pipe a path for which {@link #readsOnce} is true, other than {@code -}
     * @throws VlmetaException ({@code INPUT_UNREADABLE}) when it cannot be opened or the copy fails;
     *     ({@code INPUT_MALFORMED}) naming its path when it is empty
     */
    static StdinSpool copy(Path pipe) {
        InputStream in;
        try {
            in = Files.newInputStream(pipe);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, pipe + " could not be opened: it "
                    + FileFaults.whyUnreadable(pipe, e) + ".", e);
        }
        try (in) {
            return copy(in, pipe);
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, pipe + " could not be closed (an input/output "
                    + "error of the system).", e);
        }
    }

    /**
     * Copies {@code in} to the end.
     *
     * @param in standard input; not closed
     * @return the copy, named after the format its first bytes show ({@link StdinFormat#fileName}):
     *     {@code stdin.xlsx}, {@code stdin.parquet}, {@code stdin.jsonl}, {@code stdin.jsonl.gz} or {@code stdin.csv}
     * @throws VlmetaException ({@code INPUT_UNREADABLE}) when the copy fails; ({@code INPUT_MALFORMED}) when
     *     nothing was piped in
     */
    static StdinSpool copy(InputStream in) {
        return copy(in, null);
    }

    /** @param pipe the named pipe {@code in} reads; {@code null} for standard input */
    private static StdinSpool copy(InputStream in, Path pipe) {
        String origin = pipe == null ? "standard input" : pipe.toString();
        TempFolder folder;
        try {
            folder = TempFolder.create("vlmeta-stdin-");
        } catch (IOException e) {
            Path system = TempFolder.systemFolder();
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot create a temporary file in " + system
                    + " to hold " + origin + ": " + FileFaults.whyUnwritable(system.resolve("vlmeta-stdin"), e)
                    + ".", e);
        }
        // deleteOnExit deletes in reverse order: the file first, then the lock file, then the folder
        folder.path().toFile().deleteOnExit();
        folder.path().resolve(TempFolder.LOCK_FILE).toFile().deleteOnExit();
        Path spooled = folder.path().resolve("stdin");
        spooled.toFile().deleteOnExit();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long copied;
            try (DigestInputStream hashing = new DigestInputStream(in, digest);
                 OutputStream out = Files.newOutputStream(spooled)) {
                copied = hashing.transferTo(out);
            }
            if (copied == 0) {
                throw empty(pipe);
            }
            Path file = folder.path().resolve(StdinFormat.fileName(spooled));
            file.toFile().deleteOnExit();
            Files.move(spooled, file);
            return new StdinSpool(folder, file, HexFormat.of().formatHex(digest.digest()), origin);
        } catch (IOException e) {
            folder.close();
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot copy " + origin + " to the temporary file "
                    + spooled + ": " + FileFaults.whyUnwritable(spooled, e) + ".", e);
        } catch (NoSuchAlgorithmException e) {
            folder.close();
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /** @param pipe the named pipe that was read; {@code null} for standard input */
    private static VlmetaException empty(Path pipe) {
        if (pipe == null) {
            return VlmetaException.malformed("Standard input is empty: pipe the metadata into vlmeta, e.g."
                    + " vlmeta validate --csv - ... < metadata.csv.");
        }
        String kind = FileFaults.specialKind(pipe);
        if (!kind.equals("a pipe")) {
            // a device such as /dev/null: nothing writes into it, so there is no writer to check
            return VlmetaException.malformed("The input " + FileFaults.shown(pipe.toString()) + " is empty: it is "
                    + kind + ", not a file, and reading it gave nothing. Give the metadata file itself.");
        }
        // a named pipe: its writer opened and closed it without writing, or was itself given nothing
        return VlmetaException.malformed("The input " + pipe + " is empty: the pipe was closed before anything was"
                + " written into it. Check the program that writes into it, or give the metadata file itself.");
    }

    /** @return what was copied, for messages: {@code standard input}, or the pipe's path as given */
    String origin() {
        return origin;
    }

    /** @return the copy */
    Path file() {
        return file;
    }

    /** @return the SHA-256 of the bytes read, in hex */
    String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        folder.close(); // what it cannot delete, deleteOnExit tries again when the program ends
    }
}
