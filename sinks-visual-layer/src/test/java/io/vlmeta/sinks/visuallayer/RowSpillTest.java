package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.Location;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RowSpillTest {
    @TempDir
    Path dir;
    private RowLog rows;

    @BeforeEach
    void openRows() {
        rows = new RowLog(dir);
    }

    @AfterEach
    void closeRows() {
        rows.close();
    }

    /** @return what the value reads back as, after being spilled as the only entry */
    private String roundTrip(Object value) {
        try (RowSpill spill = new RowSpill(dir, rows)) {
            spill.append(new Entry(null, value, "key.jpg", Location.of("data.csv", 2)));
            RowSpill.Spilled read = spill.read(0);
            assertThat(read.key()).isEqualTo("key.jpg");
            assertThat(read.location()).isEqualTo(Location.of("data.csv", 2));
            return read.value();
        }
    }

    private static List<String> items(int count, String format) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(String.format(Locale.ROOT, format, i));
        }
        return items;
    }

    /**
     * Fields may be written from different threads: each row's entries then reach the shared row log
     * in any interleaving, and every entry must still read back as its own row.
     */
    @Test
    void fieldsWrittenFromSeveralThreadsAtOnceReadBackTheirOwnRows() throws Exception {
        int rowCount = 3_000;
        List<String> keys = items(rowCount, "images/img_%05d.jpg");
        List<Location> locations = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            locations.add(Location.of(i < rowCount / 2 ? "a.csv" : "b.csv", i + 2));
        }
        List<RowSpill> spills = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int field = 0; field < 4; field++) {
            RowSpill spill = new RowSpill(dir, rows);
            spills.add(spill);
            threads.add(new Thread(() -> {
                for (int i = 0; i < rowCount; i++) {
                    spill.append(new Entry(null, "v" + i, keys.get(i), locations.get(i)));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        for (RowSpill spill : spills) {
            try (spill) {
                for (int i = 0; i < rowCount; i += 7) {
                    RowSpill.Spilled read = spill.read(i);
                    assertThat(read.key()).isEqualTo(keys.get(i));
                    assertThat(read.location()).isEqualTo(locations.get(i));
                    assertThat(read.value()).isEqualTo("v" + i);
                }
            }
        }
    }

    @Test
    void listValueReadsBackJoinedWithCommas() {
        assertThat(roundTrip(List.of("a", "b", "c"))).isEqualTo("a, b, c");
        assertThat(roundTrip(List.of("only"))).isEqualTo("only");
    }

    @Test
    void emptyListReadsBackAsEmptyText() {
        assertThat(roundTrip(List.of())).isEmpty();
    }

    @Test
    void listWhoseTextPassesTheLimitReadsBackShortenedAsBefore() {
        List<String> list = items(300, "item%03d"); // 300 * 7 + 299 * 2 = 2,698 characters joined
        String joined = String.join(", ", list);

        assertThat(roundTrip(list)).isEqualTo(joined.substring(0, 1000) + "...")
                .isEqualTo(shortenedAsBefore(RowSpill.valueText(list)))
                .hasSize(1003);
    }

    @Test
    void listOfExactlyTheLimitReadsBackWholeAndOneMoreIsShortened() {
        // 100 items of 8 characters and 99 separators: 998; one more character per variant below
        List<String> thousand = items(100, "it%06d");
        thousand.set(0, thousand.get(0) + "xy");
        String joinedThousand = String.join(", ", thousand);
        List<String> thousandOne = new ArrayList<>(thousand);
        thousandOne.set(99, thousandOne.get(99) + "z");
        String joinedThousandOne = String.join(", ", thousandOne);

        assertThat(joinedThousand).hasSize(1000);
        assertThat(roundTrip(thousand)).isEqualTo(joinedThousand);
        assertThat(joinedThousandOne).hasSize(1001);
        assertThat(roundTrip(thousandOne)).isEqualTo(joinedThousandOne.substring(0, 1000) + "...");
    }

    @Test
    void listOfNonTextItemsReadsBackAsTheirText() {
        assertThat(roundTrip(List.of(new BigDecimal("1.50"), new BigDecimal("2")))).isEqualTo("1.50, 2");
        assertThat(roundTrip(Arrays.asList("a", null))).isEqualTo("a, null");
    }

    @Test
    void listWithNonAsciiItemsReadsBackJoined() {
        assertThat(roundTrip(List.of("größe", "画像", "plain"))).isEqualTo("größe, 画像, plain");
    }

    @Test
    void plainStringWithNonAsciiCharactersRoundTrips() {
        assertThat(roundTrip("größe 画像 写真 😀")).isEqualTo("größe 画像 写真 😀");
        String longer = "ä".repeat(600); // longer than the write buffer, shorter than the limit
        assertThat(roundTrip(longer)).isEqualTo(longer);
    }

    @Test
    void plainStringsLongerThanTheLimitAreShortened() {
        String ascii = "x".repeat(1500);
        String nonAscii = "ü".repeat(1001);

        assertThat(roundTrip(ascii)).isEqualTo("x".repeat(1000) + "...");
        assertThat(roundTrip(nonAscii)).isEqualTo("ü".repeat(1000) + "...");
        assertThat(roundTrip("y".repeat(1000))).isEqualTo("y".repeat(1000));
    }

    @Test
    void numbersReadBackAsWritten() {
        assertThat(roundTrip(new BigDecimal("1E+3"))).isEqualTo("1E+3");
        assertThat(roundTrip(new BigDecimal("0.10"))).isEqualTo("0.10");
    }

    @Test
    void entriesOfMixedValuesReadBackInAnyOrderWithTheirLocations() {
        List<String> longList = items(300, "item%03d");
        List<Object> values = List.of("plain", List.of("a", "b"), List.of(), "größe", longList,
                new BigDecimal("42"), "z".repeat(300), List.of("画像", "写真"));
        try (RowSpill spill = new RowSpill(dir, rows)) {
            for (int i = 0; i < values.size(); i++) {
                String file = i < 3 ? "first.csv" : "zweite-ä.xlsx";
                String sheet = i < 3 ? null : "Blatt " + i;
                spill.append(new Entry(null, values.get(i), "key-" + i + "-ü", new Location(file, sheet, i + 2)));
            }

            assertThat(spill.count()).isEqualTo(values.size());
            for (int i = values.size() - 1; i >= 0; i--) {
                RowSpill.Spilled read = spill.read(i);
                String file = i < 3 ? "first.csv" : "zweite-ä.xlsx";
                String sheet = i < 3 ? null : "Blatt " + i;
                assertThat(read.key()).isEqualTo("key-" + i + "-ü");
                assertThat(read.location()).isEqualTo(new Location(file, sheet, i + 2));
                assertThat(read.value()).isEqualTo(shortenedAsBefore(RowSpill.valueText(values.get(i))));
            }
            assertThat(spill.read(values.size())).isNull();
            assertThat(spill.read(-1)).isNull();
        }
    }

    @Test
    void closeRemovesTheTemporaryFiles() throws IOException {
        RowSpill spill = new RowSpill(dir, rows);
        spill.append(new Entry(null, List.of("a"), "k", Location.of("f.csv", 2)));
        assertThat(spill.read(0).value()).isEqualTo("a");

        spill.close();
        rows.close();

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fieldsGivenTheSameRowRecordItOnceAndEachReadsItBackWithItsOwnValue() {
        try (RowSpill caption = new RowSpill(dir, rows); RowSpill tags = new RowSpill(dir, rows)) {
            List<Long> positions = new ArrayList<>();
            for (int row = 2; row < 7; row++) {
                Location location = new Location("meta.xlsx", row % 2 == 0 ? "Blatt" : null, row);
                String key = "img-" + row + "-ü.jpg";
                long position = rows.append(key, location);
                assertThat(rows.append(key, location)).isEqualTo(position); // the same row: not written again
                positions.add(position);
                caption.append(new Entry(null, "caption " + row, key, location));
                if (row != 4) { // a row without a value for one field
                    tags.append(new Entry(null, List.of("t" + row, "ü"), key, location));
                }
            }

            assertThat(positions).doesNotHaveDuplicates().isSorted();
            assertThat(caption.count()).isEqualTo(5);
            assertThat(tags.count()).isEqualTo(4);
            assertThat(caption.read(2)).isEqualTo(new RowSpill.Spilled("img-4-ü.jpg",
                    new Location("meta.xlsx", "Blatt", 4), "caption 4"));
            assertThat(tags.read(2)).isEqualTo(new RowSpill.Spilled("img-5-ü.jpg",
                    new Location("meta.xlsx", null, 5), "t5, ü"));
            assertThat(tags.read(0)).isEqualTo(new RowSpill.Spilled("img-2-ü.jpg",
                    new Location("meta.xlsx", "Blatt", 2), "t2, ü"));
        }
    }

    @Test
    void anEqualRowFromAnotherRecordIsRecordedAgainAndReadsTheSame() {
        long first = rows.append("a.jpg", Location.of("data.csv", 2));
        long second = rows.append("a.jpg", Location.of("data.csv", 2));

        assertThat(second).isGreaterThan(first);
        assertThat(rows.read(second)).isEqualTo(rows.read(first))
                .isEqualTo(new RowLog.Row("a.jpg", Location.of("data.csv", 2)));
    }

    /** The form values read back in before list values were spilled item by item: at most 1,000 characters. */
    private static String shortenedAsBefore(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) + "..." : text;
    }
}
