package io.vlmeta.emulator;

/** An error answer: the status and the {@code detail} of the JSON body {@code {"detail": ...}}. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ApiError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    String detail() {
        return getMessage();
    }
}
