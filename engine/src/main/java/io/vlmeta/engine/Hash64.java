package io.vlmeta.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A 64-bit hash of keys and parsed values. Duplicate detection keeps only hashes (memory must not
 * grow with the rows' contents), so 32-bit {@code hashCode}s would make "identical" verdicts on
 * different values far too likely.
 */
final class Hash64 {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long NUMBER_SEED = 0x5bd1e995L;
    private static final long NUMBER_ZERO = mix(NUMBER_SEED);

    private Hash64() {
    }

    static long of(CharSequence text) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return mix(hash);
    }

    /** Hashes a parsed JSON value: String, BigDecimal (by numeric value) or List of them. */
    static long ofValue(Object value) {
        if (value instanceof String s) {
            return of(s);
        }
        if (value instanceof BigDecimal d) {
            return ofNumber(d);
        }
        if (value instanceof List<?> list) {
            long hash = 0x9e3779b97f4a7c15L;
            for (Object item : list) {
                hash = combine(hash, ofValue(item));
            }
            return hash;
        }
        return of(String.valueOf(value));
    }

    /**
     * Equal numbers hash alike whatever their scale (1.50 and 1.5, 100 and 1E+2): the hash is of the
     * stripped unscaled digits and scale, taken as a long when they fit, which avoids the decimal
     * text that the first version built for every number.
     */
    private static long ofNumber(BigDecimal d) {
        if (d.signum() == 0) {
            return NUMBER_ZERO;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        BigInteger unscaled = stripped.unscaledValue();
        long digits = unscaled.bitLength() < 64 ? unscaled.longValue() : of(unscaled.toString());
        return combine(combine(NUMBER_SEED, stripped.scale()), digits);
    }

    static long combine(long hash, long next) {
        return mix(hash * 31 + next);
    }

    /** The finaliser of SplitMix64: spreads the bits so open addressing and comparisons behave. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
