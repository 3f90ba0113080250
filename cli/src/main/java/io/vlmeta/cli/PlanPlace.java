package io.vlmeta.cli;

import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.VlmetaException;

/**
 * Where in a plan file a refusal points, so that every refusal of a plan reads in one shape a user can scan:
 * {@code Plan FILE, line N, KEY: what is wrong; what is accepted.} The line and the key are left out where
 * they are not known. A refusal says what is wrong with a value without showing it: any text may stand in a
 * plan, a secret pasted into the wrong key too.
 *
 * @param plan the plan's name as the user gave it; never null
 * @param line the line, from 1; 0 where it is not known
 * @param key  the key's path ({@code upload.batch-size}, {@code columns[2].name}); null where the refusal is of
 *             the whole file
 */
record PlanPlace(String plan, int line, String key) {

    /** @return the place of a refusal of the whole plan, e.g. {@code Plan p.yaml} */
    static PlanPlace of(Object plan) {
        return new PlanPlace(String.valueOf(plan), 0, null);
    }

    /** @return this place on a line; a line below 1 is not known, and leaves the line out */
    PlanPlace line(int number) {
        return new PlanPlace(plan, Math.max(number, 0), key);
    }

    /** @return this place at a key */
    PlanPlace key(String path) {
        return new PlanPlace(plan, line, path);
    }

    /**
     * @param wrong what is wrong, and what is accepted after a semicolon; starts in lower case, without the
     *              final full stop
     * @return a usage error: this place, a colon, then {@code wrong}
     */
    VlmetaException refuse(String wrong) {
        return VlmetaException.usage(sentence(wrong));
    }

    /** @return {@link #refuse} with another error code (a plan that cannot be read is not a usage error) */
    VlmetaException refuse(ErrorCode code, String wrong, Throwable cause) {
        return new VlmetaException(code, sentence(wrong), cause);
    }

    private String sentence(String wrong) {
        return this + ": " + wrong + ".";
    }

    /** @return {@code Plan FILE}, then {@code , line N} and {@code , KEY} where known */
    @Override
    public String toString() {
        return "Plan " + plan + (line > 0 ? ", line " + line : "") + (key != null ? ", " + key : "");
    }
}
