package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalUuidTest {
    @Test
    void packsExactlyTheIdsThatReadBackUnchangedAsAUuid() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> ids = new ArrayList<>(List.of("f3e3d00c-1a8e-4a58-85dc-cdea7a8365a0",
                "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                "F3E3D00C-1A8E-4A58-85DC-CDEA7A8365A0", "f3e3d00c1a8e-4a58-85dc-cdea7a8365a0-",
                "f3e3d00c-1a8e-4a58-85dc-cdea7a8365ag", "f3e3d00c-1a8e-4a58-85dc+cdea7a8365a0",
                "+3e3d00c-1a8e-4a58-85dc-cdea7a8365a0", " f3e3d00c-1a8e-4a58-85dc-cdea7a8365a", "1-2-3-4-5",
                "0000000000000001-0-0-0000000000000001", "f3e3d00c-1a8e-4a58-85dc-cdea7a8365a", "Media-42",
                "f3e3d00c-1a8e-4a58-85dc-cdea7a8365a0 ", "f3e3d00c-1a8e-4a58-85dc-cdea7a8365٠٠"));
        for (int i = 0; i < 1_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            ids.add(id);
            ids.add(id.toUpperCase(Locale.ROOT));
        }

        for (String id : ids) {
            assertThat(MediaIndexBuilder.canonicalUuid(id)).as(id).isEqualTo(packedAsBefore(id));
        }
    }

    /** How ids were packed before: parsed by {@link UUID#fromString} and kept when its text is the id. */
    private static UUID packedAsBefore(String id) {
        if (id.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            return uuid.toString().equals(id) ? uuid : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
