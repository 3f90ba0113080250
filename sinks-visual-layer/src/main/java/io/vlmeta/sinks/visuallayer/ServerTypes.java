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
    sealed interface DeclareResult permits Declared, AlreadyExists, Refused, DeclareInDoubt {
    }

    record Declared(String taskId) implements DeclareResult {
    }

    /** The name existed before this declaration. */
    record AlreadyExists() implements DeclareResult {
    }

    /** The declaration may or may not have been applied: its answer was lost, garbled or a 5xx. */
    record DeclareInDoubt(String why) implements DeclareResult {
    }

    /** What one upload came to. */
    sealed interface UploadResult permits UploadAccepted, UploadInDoubt, UploadRefused {
    }

    /** {@code 200}/{@code 202}: the server took the file. */
    record UploadAccepted() implements UploadResult {
    }

    /** The file may have been applied in full, in part or not at all: settle it by reading back. */
    record UploadInDoubt(String why) implements UploadResult {
    }

    /**
     * A 4xx other than an authorisation failure: nothing of the file was applied. A {@code 409} saying
     * the task "accepts no more uploads" means no later file of the field will be taken either.
     */
    record UploadRefused(int status, String detail) implements UploadResult {
        boolean taskClosed() {
            return status == 409 || detail.toLowerCase(java.util.Locale.ROOT).contains("no more uploads");
        }
    }

    /** The server refused this declaration (a 4xx other than a clash), e.g. bad enum options. */
    record Refused(int status, String detail) implements DeclareResult {
    }
}
