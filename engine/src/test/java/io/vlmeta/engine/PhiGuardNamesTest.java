package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhiGuardNamesTest {

    @Test
    void namesEveryColumnUpToTheLimit() {
        assertThat(PhiGuard.named(List.of("PatientName"))).isEqualTo("PatientName");
        assertThat(PhiGuard.named(List.of("A", "B", "C", "D", "E", "F", "G", "H"))).isEqualTo("A, B, C, D, E, F, G, H");
    }

    @Test
    void namesTheFirstColumnsAndCountsTheRestForAFolderWithHundreds() {
        // a DICOM folder's sidecars may mark hundreds of attributes: one line, not a screenful
        List<String> names = IntStream.range(0, 250).mapToObj(i -> "Tag" + i).toList();

        assertThat(PhiGuard.named(names)).isEqualTo("Tag0, Tag1, Tag2, Tag3, Tag4, Tag5, Tag6, Tag7 and 242 more");
    }
}
