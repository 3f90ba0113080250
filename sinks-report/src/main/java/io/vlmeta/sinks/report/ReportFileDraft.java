package io.vlmeta.sinks.report;

import io.vlmeta.api.FileDrafts;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One report file written whole: its content goes to a hidden draft beside the file, which {@link #moveInPlace()}
 * then puts in its place, so a run ended while writing (a second Ctrl-C, a kill) leaves the previous file or
 * none, never a truncated one. What the file was stays as it was:
 * <ul>
 *   <li>a symbolic link is followed: the draft goes beside the file it names, which gets the content, and the
 *       link stays a link (a link that names no file yet is written through, as any write would);</li>
 *   <li>an existing file's permissions are the draft's, so a report made readable by its owner alone stays so;
 *       a new one gets the umask's, as any new file does;</li>
 *   <li>a folder where no draft can be made (read-only, but holding a writable report) gets the content
 *       written in place, as before drafts were used.</li>
 * </ul>
 */
final class ReportFileDraft {
    /** The file as the user named it, for messages. */
    private final Path named;
    /** Where the content goes: {@code named}, links followed. */
    private final Path place;
    /** The draft; {@code null} once moved, discarded, or when the content was written in place. */
    private Path draft;

    private ReportFileDraft(Path named, Path place, Path draft) {
        this.named = named;
        this.place = place;
        this.draft = draft;
    }

    /**
     * Writes {@code content} to a draft beside {@code file} (or, where no draft can be made, to the file itself).
     *
     * @param role a short name that tells this process's drafts in one folder apart ({@code "html"}, {@code "json"})
     * @throws VlmetaException ({@link ReportSink#REPORT_UNWRITABLE}) when neither can be written
     */
    static ReportFileDraft write(Path file, String role, String content) {
        try {
            Path place = FileDrafts.place(file);
            Path parent = place.getParent();
            Files.createDirectories(parent);
            // named after this process, and short whatever the report's name is (a name has at most 255 bytes)
            Path draft = parent.resolve(".vlmeta-report-" + ProcessHandle.current().pid() + "." + role + ".partial");
            try {
                Files.deleteIfExists(draft); // left by a killed run whose process id this one has now
                draft.toFile().deleteOnExit();
                Files.writeString(draft, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (AccessDeniedException folderReadOnly) {
                if (!Files.isWritable(place)) {
                    throw folderReadOnly;
                }
                Files.writeString(place, content, StandardCharsets.UTF_8);
                return new ReportFileDraft(file, place, null);
            }
            ReportFileDraft written = new ReportFileDraft(file, place, draft);
            written.keepPermissions();
            return written;
        } catch (IOException e) {
            throw unwritable(file, e);
        }
    }

    private void keepPermissions() throws IOException {
        try {
            FileDrafts.keepPermissions(draft, place);
        } catch (IOException e) {
            discard();
            throw e;
        }
    }

    /** Puts the draft in the file's place; nothing to do when the content was written in place. */
    void moveInPlace() {
        if (draft == null) {
            return;
        }
        try {
            try {
                Files.move(draft, place, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(draft, place, StandardCopyOption.REPLACE_EXISTING);
            }
            draft = null;
        } catch (IOException e) {
            discard();
            throw unwritable(named, e);
        }
    }

    /** Deletes the draft, if any; the file keeps what it held. */
    void discard() {
        if (draft == null) {
            return;
        }
        try {
            Files.deleteIfExists(draft);
        } catch (IOException ignored) {
            // deleteOnExit tries again when the program ends
        }
        draft = null;
    }

    static VlmetaException unwritable(Path file, IOException e) {
        return new VlmetaException(ReportSink.REPORT_UNWRITABLE, "Cannot write the report to '" + file + "': "
                + FileFaults.whyUnwritable(file, e) + "; pass --report a path in a writable folder.", e);
    }
}
