package io.vlmeta.emulator;

/**
 * The content of an upload's {@code file} part: a slice of the request body, not a copy.
 *
 * @param bytes  the request body
 * @param offset where the part's content starts in {@code bytes}
 * @param length the content's length in bytes
 */
record FilePart(byte[] bytes, int offset, int length) {
}
