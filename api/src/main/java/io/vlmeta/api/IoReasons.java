package io.vlmeta.api;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a small file the user named (a secret file, an argument file) could not be read, in words a message
 * can end with. Never the exception's own text: for a file that is not UTF-8 it is a decoder's
 * ("Input length = 1"), and for a secret file nothing read from it may reach a message.
 *
 * @since 0.1
 */
public final class IoReasons {
    private IoReasons() {
    }

    /**
     * @param file    the file that was read
     * @param failure what reading it threw
     * @return e.g. {@code "does not exist"}, {@code "is a folder"}, {@code "is not UTF-8 text"}
     */
    public static String whyUnreadable(Path file, IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (Files.isDirectory(file)) {
            return "is a folder";
        }
        if (failure instanceof AccessDeniedException) {
            return "cannot be read (no permission)";
        }
        if (failure instanceof CharacterCodingException) {
            return "is not UTF-8 text";
        }
        return "cannot be read (an input/output error of the system)";
    }
}
