package io.vlmeta.sources.dicom;

/**
 * A sidecar the file system would not hand over; the message says why as a clause said of the file, without its
 * name ({@code cannot be read (no permission)}), in {@link io.vlmeta.api.FileFaults}' words.
 */
final class UnreadableSidecarException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableSidecarException(String reason) {
        super(reason);
    }
}
