package io.vlmeta.api;

import java.util.Objects;

/**
 * The one exception type vlmeta and its plugins throw for a job that cannot go on.
 *
 * <p>The message is shown to the user as it is, so it must be one clear sentence that names the
 * file, row, field or flag concerned and says what would be accepted. It must never contain a
 * secret (API secret, token).
 *
 * @since 0.1
 */
public final class VlmetaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * @param code    the typed error code; never {@code null}
     * @param message the sentence shown to the user; never {@code null}
     */
    public VlmetaException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code    the typed error code; never {@code null}
     * @param message the sentence shown to the user; never {@code null}
     * @param cause   the underlying failure, kept for debugging; may be {@code null}
     */
    public VlmetaException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the typed error code, which decides the exit code */
    public ErrorCode code() {
        return code;
    }

    /** @return who is at fault */
    public ErrorKind kind() {
        return code.kind();
    }

    /** Shorthand for a usage error (exit code 2). */
    public static VlmetaException usage(String message) {
        return new VlmetaException(ErrorCode.USAGE, message);
    }

    /** Shorthand for a malformed input file (exit code 3, nothing uploaded). */
    public static VlmetaException malformed(String message) {
        return new VlmetaException(ErrorCode.INPUT_MALFORMED, message);
    }
}
