package io.vlmeta.sinks.visuallayer;

import java.util.List;

/** The server's answers this sink reads, as values. */
final class ServerTypes {

    private ServerTypes() {
    }

    /**
     * @param status    {@code status}
     * @param statusNew {@code status_new}, the newer field; {@code null} when absent
     */
    record DatasetState(String status, String statusNew) {
        /** {@code status_new} wins when present: it is replacing {@code status}. */
        String effective() {
            return statusNew != null && !statusNew.isBlank() ? statusNew : status;
        }

        boolean ready() {
            return "READY".equalsIgnoreCase(effective() == null ? "" : effective().strip());
        }
    }

    /**
     * A field the dataset declares.
     *
     * @param taskId the task that declared it, when the server says so; else {@code null}
     */
    record SchemaField(String name, String type, boolean multi, String taskId) {
        String describe() {
            return describe(type, multi);
        }

        /** @return the type as messages name it: {@code enum (multi)} for a multi-enum */
        static String describe(String type, boolean multi) {
            return multi ? type + " (multi)" : type;
        }
    }

    /** One rejected entry as {@code sample_errors} lists it. */
    record SampleError(String reason, long rowIndex) {
    }

    /** A task's status poll. */
    record TaskStatus(String status, long insertedRows, long errorCount, List<SampleError> sampleErrors) {
        /** @return every row the task has processed, inserted or rejected; -1 when the server does not say */
        long processed() {
            return insertedRows < 0 ? -1 : insertedRows + errorCount;
        }

        boolean isFinal() {
            return switch (status) {
                case "COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED" -> true;
                default -> false;
            };
        }
    }

    /** What a declaration came to. */
    sealed interface DeclareResult {
    }

    record Declared(String taskId) implements DeclareResult {
    }

    /** The name exists; {@code afterRetry} when our own earlier attempt may have created it. */
    record AlreadyExists(boolean afterRetry) implements DeclareResult {
    }

    /** The server refused this declaration (a 4xx other than a clash), e.g. bad enum options. */
    record Refused(int status, String detail) implements DeclareResult {
    }
}
