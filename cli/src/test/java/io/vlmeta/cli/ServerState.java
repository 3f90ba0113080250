package io.vlmeta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the emulator holds for one field of a dataset, compared with what the input says: read from the
 * emulator's own state dump, so a test sees the server as it is, not as the client reports it.
 *
 * @param field       the field name
 * @param declared    whether the field exists on the server
 * @param present     media holding the value the input gives them
 * @param missing     media the input gives a value that the server does not hold
 * @param wrong       media holding a value other than the input's (a misplaced row)
 * @param extra       media holding a value the input does not give them
 * @param refused     entries the field's task refused (a second copy of a value is refused: immutable)
 * @param inserted    the task's {@code inserted_rows}
 */
record ServerState(String field, boolean declared, int present, int missing, int wrong, int extra, long refused,
                   long inserted) {

    /** @return true when the field holds exactly the input's values and nothing was refused */
    boolean exact() {
        return declared && missing == 0 && wrong == 0 && extra == 0 && refused == 0;
    }

    /** @return true when the field is on the server but holds some, not all, of its values: half-filled or empty */
    boolean partial() {
        return declared && (missing > 0 || wrong > 0 || extra > 0);
    }

    @Override
    public String toString() {
        return field + (declared ? "" : " (not declared)") + ": present " + present + ", missing " + missing
                + ", wrong " + wrong + ", extra " + extra + ", refused " + refused + ", inserted " + inserted;
    }

    /**
     * @param expected media id to the value the input gives it ({@link BigDecimal} for floats, compared by value)
     */
    static ServerState of(Emulator emulator, String dataset, String field, Map<String, Object> expected) {
        JsonNode fieldNode = null;
        try {
            for (JsonNode node : new ObjectMapper().readTree(emulator.dumpJson()).get("datasets")) {
                if (node.path("id").asText().equals(dataset)) {
                    for (JsonNode candidate : node.get("fields")) {
                        if (candidate.path("field_name").asText().equals(field)) {
                            fieldNode = candidate;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (fieldNode == null) {
            return new ServerState(field, false, 0, expected.size(), 0, 0, 0, 0);
        }
        Map<String, Object> stored = emulator.values(dataset, field);
        int present = 0;
        int missing = 0;
        int wrong = 0;
        for (Map.Entry<String, Object> entry : expected.entrySet()) {
            Object value = stored.get(entry.getKey());
            if (value == null) {
                missing++;
            } else if (same(entry.getValue(), value)) {
                present++;
            } else {
                wrong++;
            }
        }
        List<String> extras = new ArrayList<>(stored.keySet());
        extras.removeAll(expected.keySet());
        JsonNode task = fieldNode.path("task");
        return new ServerState(field, true, present, missing, wrong, extras.size(), task.path("error_count").asLong(),
                task.path("inserted_rows").asLong());
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof BigDecimal number && actual instanceof BigDecimal stored) {
            return number.compareTo(stored) == 0;
        }
        return Objects.equals(expected, actual);
    }
}
