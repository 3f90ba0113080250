package io.vlmeta.sources.dicom;

/** A sidecar whose content is not what its format requires; the message says what, without the file name. */
final class MalformedSidecarException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedSidecarException(String message) {
        super(message);
    }
}
