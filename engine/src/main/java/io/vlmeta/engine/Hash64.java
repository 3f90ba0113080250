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
    /** The primes of xxHash64 (Yann Collet, BSD-2-Clause specification). */
    private static final long XX_PRIME_1 = 0x9E3779B185EBCA87L;
    private static final long XX_PRIME_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long XX_PRIME_4 = 0x85EBCA77C2B2AE63L;
    private static final long NUMBER_SEED = 0x5bd1e995L;
    private static final long NUMBER_ZERO = mix(NUMBER_SEED);

    private Hash64() {
    }

    /**
     * Four chars at a time, with the round of xxHash64 (its 8-byte step: the block is multiplied and
     * rotated apart from the running hash, which then waits on one multiplication per four chars
     * rather than one per char), the last chars one at a time, then the length, so that texts
     * differing only in trailing U+0000 differ.
     */
    static long of(CharSequence text) {
        int length = text.length();
        long hash = FNV_OFFSET;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            long block = text.charAt(i) | (long) text.charAt(i + 1) << 16 | (long) text.charAt(i + 2) << 32
                    | (long) text.charAt(i + 3) << 48;
            hash ^= Long.rotateLeft(block * XX_PRIME_2, 31) * XX_PRIME_1;
            hash = Long.rotateLeft(hash, 27) * XX_PRIME_1 + XX_PRIME_4;
        }
        for (; i < length; i++) {
            hash ^= text.charAt(i);
            hash *= FNV_PRIME;
        }
        return mix(hash ^ length);
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
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 64) {
            // the trailing zeros stripped from the long, as stripTrailingZeros would, without a new BigDecimal
            long digits = unscaled.longValue();
            long scale = d.scale();
            while (digits % 10 == 0) {
                digits /= 10;
                scale--;
            }
            return combine(combine(NUMBER_SEED, scale), digits);
        }
        BigDecimal stripped = d.stripTrailingZeros();
        BigInteger strippedDigits = stripped.unscaledValue();
        long digits = strippedDigits.bitLength() < 64 ? strippedDigits.longValue() : of(strippedDigits.toString());
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
