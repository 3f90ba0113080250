package io.vlmeta.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written whole before it is put in place (a plan, a saved export): its content goes to a hidden draft
 * beside the file, then one move replaces the file, so a reader never sees half of it. What the file was stays
 * as it was, as a plain write would leave it:
 * <ul>
 *   <li>a symbolic link to a file is followed: the draft goes beside the file it names, which gets the content,
 *       and the link stays a link;</li>
 *   <li>an existing file keeps its permissions; a new one gets the umask's, as any new file does (a draft made
 *       with {@link Files#createTempFile} would be readable by its owner alone).</li>
 * </ul>
 * Whether the path may be replaced at all (not a device, a pipe, a folder) is {@link WriteTargets}' to say, first.
 */
public final class FileDrafts {
    /**
     * The drafts this process made, for {@link #deleteUnfinished}: one moved into place or deleted by its writer
     * no longer exists, and deleting it again does nothing. A process makes a few (a plan, an export, a report).
     */
    private static final Set<Path> MADE = ConcurrentHashMap.newKeySet();

    private FileDrafts() {
    }

    /**
     * Deletes every draft of this process still in place: for a process that halts (a stop), where its writers'
     * {@code finally} blocks never run. Never throws; a draft that cannot be deleted stays.
     */
    public static void deleteUnfinished() {
        for (Path draft : MADE) {
            try {
                Files.deleteIfExists(draft);
            } catch (IOException | RuntimeException e) {
                // the halt goes on: a leftover hidden draft is all that is lost
            }
        }
    }

    /**
     * @param file the file as the user named it; never null
     * @return where its content goes: the file, absolute, a symbolic link to an existing file followed
     * @throws IOException when the link cannot be followed
     */
    public static Path place(Path file) throws IOException {
        Path place = file.toAbsolutePath();
        return Files.isSymbolicLink(place) && Files.exists(place) ? place.toRealPath() : place;
    }

    /**
     * Creates an empty draft beside {@code place}, its folders too, with the permissions a new file gets there.
     *
     * @param place what {@link #place} gave; never null
     * @return the draft, hidden, named after the file and this process; the caller writes it, then calls
     *     {@link #keepPermissions} and moves it onto {@code place}, or deletes it
     * @throws IOException when the folder or the draft cannot be made
     */
    public static Path draftBeside(Path place) throws IOException {
        Path folder = place.getParent();
        Files.createDirectories(folder);
        String name = place.getFileName().toString();
        // short whatever the file's name is: a name holds at most 255 bytes
        String stem = name.length() > 100 ? name.substring(0, 100) : name;
        for (int attempt = 0; ; attempt++) {
            Path draft = folder.resolve("." + stem + "." + ProcessHandle.current().pid() + "."
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + ".partial");
            try {
                Path made = Files.createFile(draft);
                MADE.add(made);
                return made;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (attempt == 9) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Gives the draft the permissions of the file it will replace, when there is one, so a file made readable by
     * its owner alone stays so, and one others may read stays readable.
     *
     * @throws IOException when they cannot be read or set
     */
    public static void keepPermissions(Path draft, Path place) throws IOException {
        if (!Files.exists(place)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(draft, Files.getPosixFilePermissions(place));
        } catch (UnsupportedOperationException notPosix) {
            // no POSIX permissions to keep (Windows): the file system's own rules apply
        }
    }
}
