package io.vlmeta.sinks.visuallayer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A few media ids drawn evenly from a dataset's export (reservoir sampling with a fixed seed, so the
 * same export gives the same sample), read back to tell whether an existing field already holds values.
 * Drawn from the {@link MediaIndex} the export was read into, in the export's order, and only when a
 * field needs it: the export is not read a second time.
 */
final class MediaSample {
    static final int SIZE = 20;
    private static final long SEED = 15;

    private MediaSample() {
    }

    /** @return up to {@link #SIZE} media ids of the index, the same ids for the same export */
    static List<String> of(MediaIndex index) {
        int[] ordinals = ordinals(index.size());
        List<String> ids = new ArrayList<>(ordinals.length);
        for (int ordinal : ordinals) {
            ids.add(index.mediaId(ordinal));
        }
        return ids;
    }

    /**
     * Reservoir sampling (Algorithm R) over the positions {@code 0..size-1}: the first {@link #SIZE}
     * fill the reservoir, and position {@code i} then replaces a random slot with probability
     * {@code SIZE / (i + 1)}. The draws depend on the count alone, never on the ids.
     *
     * @return the sampled positions, in reservoir slot order
     */
    static int[] ordinals(int size) {
        int[] slots = new int[Math.min(SIZE, size)];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < size; i++) {
            if (i < SIZE) {
                slots[i] = i;
            } else {
                long slot = random.nextLong(i + 1L);
                if (slot < SIZE) {
                    slots[(int) slot] = i;
                }
            }
        }
        return slots;
    }
}
