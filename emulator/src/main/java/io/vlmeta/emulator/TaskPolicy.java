package io.vlmeta.emulator;

/**
 * When an upload task stops taking files. Visual Layer documents none of this; its reference upload
 * script sends one file per task and polls only after it, so a client must work with every policy.
 */
public enum TaskPolicy {
    /**
     * The default (inferred): a task takes files until it has FAILED. Reading its status never closes
     * it: {@code COMPLETED} means every file received so far was applied, and a later file moves the task
     * back to {@code IN_PROGRESS}.
     */
    OPEN_UNTIL_FAILED,
    /**
     * Strict (the reference script's usage): a task takes exactly one file; any further upload is refused
     * with {@code 409} and a {@code detail} saying the task already received its file.
     */
    ONE_UPLOAD,
    /**
     * Worst case: the first status poll that answers a final status ({@code COMPLETED},
     * {@code COMPLETED_WITH_ERRORS}) closes the task; later uploads are refused with {@code 409}.
     */
    CLOSED_BY_FINAL_POLL
}
