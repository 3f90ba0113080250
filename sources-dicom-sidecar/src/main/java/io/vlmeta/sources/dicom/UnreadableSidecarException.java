package io.vlmeta.sources.dicom;

/** A sidecar the file system would not hand over; the message says why, without the file name. */
final class UnreadableSidecarException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableSidecarException(String reason) {
        super(reason);
    }
}
