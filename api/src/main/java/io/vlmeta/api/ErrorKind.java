package io.vlmeta.api;

/**
 * Who is at fault when a job stops: the user (bad input or flags), something outside vlmeta (the
 * server, the network, the file system), or vlmeta itself.
 *
 * @since 0.1
 */
public enum ErrorKind {
    /** Bad input, bad flags, or a refused precondition. Printed as one sentence, never a stack trace. */
    USER,
    /** The server or the network failed. Printed as one sentence, never a stack trace. */
    EXTERNAL,
    /** A bug in vlmeta or a plugin. Printed with its stack trace so it can be reported. */
    INTERNAL
}
