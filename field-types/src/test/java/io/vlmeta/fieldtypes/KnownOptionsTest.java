package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KnownOptionsTest {

    private final KnownOptions<String> known = new KnownOptions<>();

    @Test
    void findsAnOptionByTheCharactersItWasWrittenWith() {
        known.add("Rain", "rain-option");

        assertThat(known.find("Rain")).isEqualTo("rain-option");
        assertThat(known.find("Sunny, Rain, Snow", 7, 11)).isEqualTo("rain-option");
        assertThat(known.find("Rainy")).isNull();
        assertThat(known.find("Sunny, Rain, Snow", 7, 10)).isNull();
        assertThat(known.find("rain")).isNull();
    }

    @Test
    void tellsApartTextsWithTheSameStringHash() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        known.add("Aa", "first");

        assertThat(known.find("BB")).isNull();
        known.add("BB", "second");
        assertThat(known.find("Aa")).isEqualTo("first");
        assertThat(known.find("xBBx", 1, 3)).isEqualTo("second");
    }

    @Test
    void keepsTheFirstResultOfAText() {
        known.add("a", "first");
        known.add("a", "second");

        assertThat(known.find("a")).isEqualTo("first");
    }

    @Test
    void stopsRememberingPastItsBound() {
        for (int i = 0; i < KnownOptions.KEPT_AT_MOST + 10; i++) {
            known.add("option-" + i, "result-" + i);
        }

        assertThat(known.find("option-0")).isEqualTo("result-0");
        assertThat(known.find("option-" + (KnownOptions.KEPT_AT_MOST - 1))).isEqualTo("result-" + (KnownOptions.KEPT_AT_MOST - 1));
        assertThat(known.find("option-" + KnownOptions.KEPT_AT_MOST)).isNull();
    }

    @Test
    void answersThreadsThatAddAndFindAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String option = "t" + thread + "-" + i;
                        known.add(option, option.toUpperCase());
                        if (!option.toUpperCase().equals(known.find(option))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> future : futures) {
                assertThat(future.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(known.find("t3-199")).isEqualTo("T3-199");
    }
}
