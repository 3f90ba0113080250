package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StorageTest {

    @Test
    void thePoolGivesBackEveryItemAcrossGrowingChunks() {
        BytePool pool = new BytePool();
        List<Long> addresses = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            addresses.add(pool.add(("item " + i + " " + "x".repeat(i % 300)).getBytes(StandardCharsets.UTF_8)));
        }
        long big = pool.add(new byte[100_000]);

        for (int i = 0; i < 20_000; i += 997) {
            assertThat(pool.string(addresses.get(i))).isEqualTo("item " + i + " " + "x".repeat(i % 300));
        }
        assertThat(pool.get(big)).hasSize(100_000);
        assertThat(pool.string(pool.add(new byte[0]))).isEmpty();
    }

    @Test
    void theCatalogFindsEveryMediaByIdAndNoOther() {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            files.add("dir/img" + i + ".jpg");
        }
        MediaCatalog catalog = MediaCatalog.of("ds", files);

        for (int i = 0; i < files.size(); i += 101) {
            String id = MediaIds.derive("ds", files.get(i)).toString();
            assertThat(catalog.ordinal(id)).isEqualTo(i);
            assertThat(catalog.mediaId(i)).isEqualTo(id);
            assertThat(catalog.filename(i)).isEqualTo(files.get(i));
        }
        assertThat(catalog.ordinal(MediaIds.derive("other", files.get(0)).toString())).isEqualTo(-1);
        assertThat(catalog.size()).isEqualTo(50_000);
    }

    @Test
    void aWrongOrOutOfRangeHintStillFindsTheMediaOrNone() {
        MediaCatalog catalog = MediaCatalog.of("ds", List.of("a.jpg", "b.jpg", "c.jpg"));
        java.util.UUID b = MediaIds.derive("ds", "b.jpg");
        java.util.UUID other = MediaIds.derive("ds", "d.jpg");

        assertThat(List.of(-1, 0, 1, 2, 3, Integer.MAX_VALUE)).allSatisfy(hint -> {
            assertThat(catalog.ordinal(b.getMostSignificantBits(), b.getLeastSignificantBits(), hint)).isEqualTo(1);
            assertThat(catalog.ordinal(other.getMostSignificantBits(), other.getLeastSignificantBits(), hint))
                    .isEqualTo(-1);
        });
    }

    @Test
    void aRepeatedFileNameIsRefused() {
        assertThatThrownBy(() -> MediaCatalog.of("ds", List.of("a.jpg", "b.jpg", "a.jpg")))
                .hasMessage("dataset 'ds': file name 'a.jpg' is listed twice");
    }

    @Test
    void mediaIdsParseOnlyInTheCanonicalForm() {
        long[] bits = new long[2];
        UUID id = UUID.randomUUID();

        assertThat(MediaIds.parse(id.toString(), bits)).isTrue();
        assertThat(new UUID(bits[0], bits[1])).isEqualTo(id);
        assertThat(MediaIds.parse(id.toString().toUpperCase(), bits)).isTrue();
        assertThat(new UUID(bits[0], bits[1])).isEqualTo(id);
        assertThat(MediaIds.parse("1-1-1-1-1", bits)).isFalse();
        assertThat(MediaIds.parse(id.toString().replace('-', '_'), bits)).isFalse();
        assertThat(MediaIds.parse(id.toString().substring(1) + "g", bits)).isFalse();
        assertThat(MediaIds.parse("{" + id.toString().substring(2) + "}", bits)).isFalse();
    }

    @Test
    void datetimesAreTakenOnlyWhenTheyNameARealInstant() {
        DatetimeStore store = new DatetimeStore(1);

        assertThat(store.accept(0, Jsons.uploaded("\"2024-13-01T00:00:00Z\""))).startsWith("Invalid datetime");
        assertThat(store.accept(0, Jsons.uploaded("\"2024-01-01T24:00:00Z\""))).startsWith("Invalid datetime");
        assertThat(store.accept(0, Jsons.uploaded("\"2024-01-01T00:00:60Z\""))).startsWith("Invalid datetime");
        assertThat(store.accept(0, Jsons.uploaded("\"2023-02-29T00:00:00Z\""))).startsWith("Invalid datetime");
        assertThat(store.accept(0, Jsons.uploaded("\"2024-01-01T00:00:00z\"")))
                .isEqualTo("Invalid datetime '2024-01-01T00:00:00z': expected YYYY-MM-DDTHH:MM:SSZ");
        assertThat(store.has(0)).isFalse();
        assertThat(store.accept(0, Jsons.uploaded("\"2024-02-29T23:59:59Z\""))).isNull();
        assertThat(store.value(0)).isEqualTo("2024-02-29T23:59:59Z");
    }
}
