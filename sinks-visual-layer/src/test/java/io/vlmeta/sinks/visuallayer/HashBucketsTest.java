package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class HashBucketsTest {

    /** @return the ordinals whose hash is {@code hash}, in the order the table gives them */
    private static List<Integer> lookup(HashBuckets buckets, int hash) {
        List<Integer> found = new ArrayList<>();
        for (int p = buckets.from(hash), to = buckets.to(hash); p < to; p++) {
            int ordinal = buckets.ordinalIfHash(p, hash);
            if (ordinal >= 0) {
                found.add(ordinal);
            }
        }
        return found;
    }

    @Test
    void findsEveryOrdinalByItsHash() {
        for (int size : new int[] {2, 3, 5, 1000, 1024, 1025, 20_000}) {
            SplittableRandom random = new SplittableRandom(size);
            int[] hashes = new int[size];
            for (int i = 0; i < size; i++) {
                hashes[i] = random.nextInt(); // negative hashes included: the top bit must not leak into the ordinal
            }
            HashBuckets buckets = new HashBuckets(hashes);

            for (int ordinal = 0; ordinal < size; ordinal++) {
                int hash = hashes[ordinal];
                assertThat(lookup(buckets, hash)).as("size %d, ordinal %d", size, ordinal)
                        .contains(ordinal)
                        .allSatisfy(found -> assertThat(hashes[found]).isEqualTo(hash));
            }
        }
    }

    @Test
    void givesItemsWithEqualHashesInAscendingOrdinalOrder() {
        int size = 30;
        int[] hashes = new int[size];
        for (int i = 0; i < size; i++) {
            hashes[i] = i % 3 == 1 ? 0xCAFE_BABE : i;
        }
        HashBuckets buckets = new HashBuckets(hashes);

        assertThat(lookup(buckets, 0xCAFE_BABE)).containsExactly(1, 4, 7, 10, 13, 16, 19, 22, 25, 28);
    }

    @Test
    void filtersItemsThatShareTheBucketButNotTheFullHash() {
        // four items, four buckets (mask 3): 5, 9 and -3 all land in bucket 1
        int[] hashes = {5, 9, 2, -3};
        HashBuckets buckets = new HashBuckets(hashes);

        assertThat(buckets.to(5) - buckets.from(5)).isEqualTo(3);
        assertThat(buckets.from(9)).isEqualTo(buckets.from(5));
        List<Integer> filtered = new ArrayList<>();
        for (int p = buckets.from(5); p < buckets.to(5); p++) {
            filtered.add(buckets.ordinalIfHash(p, 5));
        }
        assertThat(filtered).containsExactly(0, -1, -1);
        assertThat(lookup(buckets, 9)).containsExactly(1);
        assertThat(lookup(buckets, -3)).containsExactly(3);
        assertThat(lookup(buckets, 2)).containsExactly(2);
    }

    @Test
    void anEmptyTableFindsNothing() {
        HashBuckets buckets = new HashBuckets(new int[0]);

        for (int hash : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertThat(buckets.to(hash)).isEqualTo(buckets.from(hash));
        }
    }

    @Test
    void aTableOfOneItemFindsItAndNothingElse() {
        HashBuckets buckets = new HashBuckets(new int[] {-123_456});

        assertThat(lookup(buckets, -123_456)).containsExactly(0);
        assertThat(lookup(buckets, 123_456)).isEmpty();
        assertThat(lookup(buckets, 0)).isEmpty();
    }

    @Test
    void aHashNoItemHasGivesNoOrdinal() {
        int size = 100;
        int[] hashes = new int[size];
        for (int i = 0; i < size; i++) {
            hashes[i] = i * 2; // even hashes only, in 64 buckets: odd buckets stay empty
        }
        HashBuckets buckets = new HashBuckets(hashes);

        assertThat(lookup(buckets, 3)).isEmpty();
        assertThat(buckets.to(3)).isEqualTo(buckets.from(3)); // bucket 3 holds nothing at all
        assertThat(lookup(buckets, 2 + 64)).containsExactly(33); // 66 is ordinal 33; bucket 2 also holds 2, 130 and 194
        assertThat(lookup(buckets, 2 + 64 * 100)).isEmpty(); // bucket 2 is not empty, every entry is filtered
        assertThat(buckets.to(2 + 64 * 100) - buckets.from(2 + 64 * 100)).isGreaterThan(0);
    }
}
