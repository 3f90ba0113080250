package io.vlmeta.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MediaIdsTest {

    @Test
    void derivesTheSameIdsOnEveryRunAndVersion() {
        // the ids every earlier emulator gave these names: clients and saved states rely on them
        assertThat(MediaIds.derive("bench", "images/shard-0000/img-0000000.jpg"))
                .isEqualTo(UUID.fromString("80ef6ead-0f52-599f-a8fa-82f82514b640"));
        assertThat(MediaIds.derive("ds", "ünïcode/📷.jpg"))
                .isEqualTo(UUID.fromString("46241a8e-7cf5-5a99-bf53-c8c9fe769796"));
        assertThat(MediaIds.derive("d\ud800", "\udc00x"))
                .isEqualTo(UUID.fromString("f0b8af2a-63fe-5e78-a0e9-ca05822140f7"));
    }

    @Test
    void aDatasetsDeriverGivesTheIdsOfDerive() {
        MediaIds.Deriver deriver = new MediaIds.Deriver("ds-ünï");
        long[] bits = new long[2];
        for (String name : new String[] {"a.jpg", "images/ünïcode/📷.jpg", "", "x".repeat(1_000), "\udc00lone"}) {
            deriver.derive(name.getBytes(StandardCharsets.UTF_8), bits);
            UUID derived = MediaIds.derive("ds-ünï", name);
            assertThat(new UUID(bits[0], bits[1])).as(name).isEqualTo(derived);
            assertThat(derived.version()).isEqualTo(5);
        }
    }
}
