package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Resolution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Lookups through the per-thread buffer: bounded candidates, key encodings and lengths, threads. */
class MediaIndexLookupTest {

    private static String id(int i) {
        return new UUID(0x1234_5678_0000_4000L | i, 0x8000_0000_0000_0000L | i).toString();
    }

    private static MediaIndex index(MatchMode mode, List<String> paths) {
        MediaIndexBuilder builder = new MediaIndexBuilder(mode);
        for (int i = 0; i < paths.size(); i++) {
            builder.add(paths.get(i), id(i));
        }
        return builder.build("test");
    }

    @Test
    void aKeyMatchingManyItemsListsTheFirstTenInTheOrderAdded() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            paths.add(String.format(Locale.ROOT, "dir%02d/same.jpg", i));
            paths.add(String.format(Locale.ROOT, "dir%02d/other.jpg", i));
        }
        MediaIndex index = index(MatchMode.PATH, paths);

        Resolution resolution = index.resolve("same.jpg");

        assertThat(resolution).isInstanceOf(Resolution.Ambiguous.class);
        assertThat(((Resolution.Ambiguous) resolution).candidates()).hasSize(MediaIndex.MAX_CANDIDATES)
                .containsExactly("dir00/same.jpg", "dir01/same.jpg", "dir02/same.jpg", "dir03/same.jpg",
                        "dir04/same.jpg", "dir05/same.jpg", "dir06/same.jpg", "dir07/same.jpg", "dir08/same.jpg",
                        "dir09/same.jpg");
    }

    @Test
    void itemsWithTheSameNameThatFailTheSuffixRuleDoNotTakeCandidatePlaces() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            paths.add(String.format(Locale.ROOT, "d%02d/dogs/same.jpg", i));
            paths.add(String.format(Locale.ROOT, "d%02d/cats/same.jpg", i));
        }
        MediaIndex index = index(MatchMode.PATH, paths);

        Resolution resolution = index.resolve("cats/same.jpg");

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < MediaIndex.MAX_CANDIDATES; i++) {
            expected.add(String.format(Locale.ROOT, "d%02d/cats/same.jpg", i));
        }
        assertThat(resolution).isEqualTo(new Resolution.Ambiguous(expected));
    }

    @Test
    void manyItemsWithTheSameExactPathAreAmbiguousWithTenCandidates() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            paths.add("a/x.jpg");
        }
        paths.add("b/x.jpg");
        MediaIndex index = index(MatchMode.PATH, paths);

        assertThat(index.resolve("a/x.jpg")).isEqualTo(new Resolution.Ambiguous(List.of("a/x.jpg", "a/x.jpg",
                "a/x.jpg", "a/x.jpg", "a/x.jpg", "a/x.jpg", "a/x.jpg", "a/x.jpg", "a/x.jpg", "a/x.jpg")));
        assertThat(index.resolve("b/x.jpg")).isEqualTo(new Resolution.Matched(id(25), 25));
    }

    @Test
    void oneMediaItemListedTwiceIsOneMatchNotAChoice() {
        MediaIndexBuilder builder = new MediaIndexBuilder(MatchMode.PATH);
        builder.add("a/x.jpg", id(1));
        builder.add("a/x.jpg", id(1).toUpperCase(Locale.ROOT)); // the same UUID, as another tool wrote it
        builder.add("b/x.jpg", id(1));
        builder.add("c/y.jpg", id(2));
        builder.add("c/y.jpg", id(3));
        MediaIndex index = builder.build("test");

        assertThat(index.resolve("a/x.jpg")).isEqualTo(new Resolution.Matched(id(1), 0));
        assertThat(index.resolve("x.jpg")).as("by name: two names of one item").isEqualTo(
                new Resolution.Matched(id(1), 0));
        assertThat(index.resolve("c/y.jpg")).as("two media under one name stay a choice").isEqualTo(
                new Resolution.Ambiguous(List.of("c/y.jpg", "c/y.jpg")));
    }

    @Test
    void exactlyTenMatchesListAllTenAndTwoListBoth() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            paths.add("ten" + i + "/t.jpg");
        }
        paths.add("two0/w.jpg");
        paths.add("two1/w.jpg");
        MediaIndex index = index(MatchMode.BASENAME, paths);

        assertThat(((Resolution.Ambiguous) index.resolve("t.jpg")).candidates()).hasSize(10)
                .startsWith("ten0/t.jpg").endsWith("ten9/t.jpg");
        assertThat(index.resolve("w.jpg")).isEqualTo(new Resolution.Ambiguous(List.of("two0/w.jpg", "two1/w.jpg")));
    }

    @Test
    void resolvesNonAsciiKeys() {
        MediaIndex index = index(MatchMode.PATH, List.of("bilder/größe.jpg", "画像/写真.png", "images/plain.jpg"));

        assertThat(index.resolve("bilder/größe.jpg")).isEqualTo(new Resolution.Matched(id(0), 0));
        assertThat(index.resolve("画像/写真.png")).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve("größe.jpg")).isEqualTo(new Resolution.Matched(id(0), 0));
        assertThat(index.resolve(".\\画像\\写真.png")).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve("/home/ü/画像/写真.png")).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve("grösse.jpg")).isEqualTo(Resolution.Unmatched.INSTANCE);
        // an ASCII key after non-ASCII ones, longer and shorter than the last key's bytes
        assertThat(index.resolve("some/folder/images/plain.jpg")).isEqualTo(new Resolution.Matched(id(2), 2));
        assertThat(index.resolve("plain.jpg")).isEqualTo(new Resolution.Matched(id(2), 2));
        assertThat(index.resolve("写真.png")).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve("images/plain.jpg")).isEqualTo(new Resolution.Matched(id(2), 2));
    }

    @Test
    void resolvesKeysLongerThanTheLookupBufferAndShorterKeysAfterThem() {
        String folder256 = "f/".repeat(124) + "abc/"; // 252 characters: with "a.jpg" the key is 257
        String longPath = folder256 + "a.jpg";
        String veryLongPath = "v/".repeat(400) + "b.jpg"; // more than twice the first buffer
        String nonAsciiLongPath = "ö/".repeat(200) + "c.jpg";
        String exactly256 = "e".repeat(250) + "/d.jpg";
        MediaIndex index = index(MatchMode.PATH, List.of(longPath, veryLongPath, nonAsciiLongPath, exactly256,
                "a.jpg", "abc/a.jp"));

        assertThat(longPath).hasSizeGreaterThan(256);
        assertThat(exactly256).hasSize(256);
        assertThat(index.resolve(exactly256)).isEqualTo(new Resolution.Matched(id(3), 3));
        assertThat(index.resolve(longPath)).isEqualTo(new Resolution.Matched(id(0), 0));
        assertThat(index.resolve(veryLongPath)).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve("/mnt/" + veryLongPath)).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve(nonAsciiLongPath)).isEqualTo(new Resolution.Matched(id(2), 2));
        // shorter keys after long ones: only the key's own bytes may count
        assertThat(index.resolve("a.jpg")).isEqualTo(new Resolution.Matched(id(4), 4));
        assertThat(index.resolve(longPath)).isEqualTo(new Resolution.Matched(id(0), 0));
        assertThat(index.resolve("abc/a.jp")).isEqualTo(new Resolution.Matched(id(5), 5));
        assertThat(index.resolve(veryLongPath)).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve("b.jpg")).isEqualTo(new Resolution.Matched(id(1), 1));
        assertThat(index.resolve("v/b.jp")).isEqualTo(Resolution.Unmatched.INSTANCE);
        assertThat(index.resolve("d.jpg")).isEqualTo(new Resolution.Matched(id(3), 3));
        assertThat(index.resolve("   ")).isEqualTo(Resolution.Unmatched.INSTANCE);
    }

    @Test
    void resolvesCorrectlyFromSeveralThreadsAtOnce() throws Exception {
        int items = 10_000;
        List<String> paths = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            paths.add(i % 7 == 0
                    ? String.format(Locale.ROOT, "bilder_ü/%d/item_%05d.jpg", i % 13, i)
                    : String.format(Locale.ROOT, "set_%d/item_%05d.jpg", i % 13, i));
        }
        MediaIndex index = index(MatchMode.PATH, paths);
        int threads = 4;
        int lookups = 10_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long seed = t;
                results.add(pool.submit(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    List<String> wrong = new ArrayList<>();
                    start.await();
                    for (int n = 0; n < lookups; n++) {
                        int i = random.nextInt(items);
                        String path = paths.get(i);
                        String key = switch (random.nextInt(4)) {
                            case 0 -> path;
                            case 1 -> path.substring(path.lastIndexOf('/') + 1);
                            case 2 -> "/data/" + "x".repeat(random.nextInt(400)) + "/" + path;
                            default -> "C:\\äöü\\" + path.replace('/', '\\');
                        };
                        Resolution resolution = index.resolve(key);
                        if (!resolution.equals(new Resolution.Matched(id(i), i))) {
                            wrong.add(key + " -> " + resolution);
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
