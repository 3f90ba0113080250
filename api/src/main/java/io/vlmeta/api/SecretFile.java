package io.vlmeta.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an API secret from a file ({@code --api-secret-file}) by one rule for the client and the emulator: UTF-8
 * text holding the secret alone on one line. A byte order mark before it (Notepad writes one), white space around
 * it and the line end after it ({@code \n} or {@code \r\n}) are not part of the secret. Nothing read from the file
 * ever reaches a message.
 *
 * @since 0.1
 */
public final class SecretFile {
    private static final String OPTION = "--api-secret-file";

    private SecretFile() {
    }

    /**
     * @param file the file the user named; never {@code null}
     * @return the secret, never blank
     * @throws VlmetaException {@link ErrorCode#USAGE} when the file is empty or holds more than one line that is not
     *                         blank; {@link ErrorCode#INPUT_UNREADABLE} when it cannot be read as UTF-8 text
     */
    public static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (!Files.exists(file) && !readsAsAPath(file.toString())) {
                // a lone word that names no file may be the secret itself, given where its file goes
                throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot read " + OPTION + ": no file of the "
                        + "name given exists (not shown: it may be the secret itself); give the path of a file "
                        + "holding the secret, e.g. " + OPTION + " ~/.vlmeta/secret.", e);
            }
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot read " + OPTION + " " + file + ": it "
                    + FileFaults.whyUnreadable(file, e) + ".", e);
        }
        // a byte order mark is no white space to strip(), and would otherwise be signed with as the secret's start
        String secret = (text.startsWith("\uFEFF") ? text.substring(1) : text).strip();
        if (secret.isEmpty()) {
            throw VlmetaException.usage(OPTION + " " + file + " is empty.");
        }
        // a secret is one line: a second one (a key beside it, a note) would be sent as part of the secret
        long lines = secret.lines().filter(line -> !line.isBlank()).count();
        if (lines > 1) {
            throw VlmetaException.usage(OPTION + " " + file + " holds " + lines + " lines that are not empty; it "
                    + "must hold the API secret alone, on one line (a line break after it is fine).");
        }
        return secret;
    }

    /** @return whether the name has a folder separator or a {@code .}, as paths have and secrets rarely do */
    private static boolean readsAsAPath(String name) {
        return name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf('.') >= 0;
    }
}
