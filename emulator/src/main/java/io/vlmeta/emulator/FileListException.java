package io.vlmeta.emulator;

/**
 * A dataset's file list (see {@link DatasetFiles}) that cannot be read. The message is one plain sentence
 * that says what is wrong with the file and what would be accepted, to follow "FILE: "; it never holds a
 * library's class names or wording.
 */
final class FileListException extends Exception {
    private static final long serialVersionUID = 1L;

    FileListException(String message, Throwable cause) {
        super(message, cause);
    }
}
