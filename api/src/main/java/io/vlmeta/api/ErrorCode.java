package io.vlmeta.api;

import java.util.Objects;

/**
 * A typed error: a stable name, who is at fault, and the process exit code it leads to.
 *
 * <p>Exit codes follow DESIGN.md: {@code 1} failure talking to the server or reading input,
 * {@code 2} usage error, {@code 3} validation failed (nothing uploaded). Plugins may define their
 * own codes with any of these exit codes.
 *
 * @param name     a stable upper-case identifier, e.g. {@code INPUT_MALFORMED}; never blank
 * @param kind     who is at fault
 * @param exitCode the process exit code the command line ends with
 * @since 0.1
 */
public record ErrorCode(String name, ErrorKind kind, int exitCode) {

    /** Bad or conflicting command-line options. */
    public static final ErrorCode USAGE = new ErrorCode("USAGE", ErrorKind.USER, 2);
    /** An input file that cannot be read as what it claims to be (malformed, wrong encoding, hostile). */
    public static final ErrorCode INPUT_MALFORMED = new ErrorCode("INPUT_MALFORMED", ErrorKind.USER, 3);
    /** An input file that does not exist or cannot be opened. */
    public static final ErrorCode INPUT_UNREADABLE = new ErrorCode("INPUT_UNREADABLE", ErrorKind.USER, 1);
    /** Validation found errors; nothing was uploaded. */
    public static final ErrorCode VALIDATION_FAILED = new ErrorCode("VALIDATION_FAILED", ErrorKind.USER, 3);
    /** A precondition on the server side refused by policy, e.g. a dataset that is not READY. */
    public static final ErrorCode PRECONDITION = new ErrorCode("PRECONDITION", ErrorKind.USER, 3);
    /** Authentication or authorisation refused by the server (401, 403). */
    public static final ErrorCode AUTH = new ErrorCode("AUTH", ErrorKind.EXTERNAL, 1);
    /** The server answered with an error, or not at all after the retries. */
    public static final ErrorCode SERVER = new ErrorCode("SERVER", ErrorKind.EXTERNAL, 1);
    /** A plugin failed to load or two plugins claimed one name. */
    public static final ErrorCode PLUGIN = new ErrorCode("PLUGIN", ErrorKind.USER, 1);
    /** A bug. */
    public static final ErrorCode INTERNAL = new ErrorCode("INTERNAL", ErrorKind.INTERNAL, 1);

    public ErrorCode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("error code name is blank");
        }
    }
}
