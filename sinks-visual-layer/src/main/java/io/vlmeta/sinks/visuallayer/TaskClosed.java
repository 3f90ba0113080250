package io.vlmeta.sinks.visuallayer;

/**
 * The server's task for a field takes no more files ({@code 409} "accepts no more uploads", e.g. a
 * server whose task takes one upload only). Nothing later can be added to that field: a resumed run
 * cannot help, so the field ends naming what is on the server and what is not. Raised on an upload
 * thread and turned into the field's outcome; it never reaches the user as an exception.
 */
final class TaskClosed extends RuntimeException {
    private final int status;
    private final String detail;

    /** @param detail the server's words, secrets masked */
    TaskClosed(int status, String detail) {
        super("task accepts no more uploads (" + status + ")", null, false, false);
        this.status = status;
        this.detail = detail;
    }

    int status() {
        return status;
    }

    String detail() {
        return detail;
    }
}
