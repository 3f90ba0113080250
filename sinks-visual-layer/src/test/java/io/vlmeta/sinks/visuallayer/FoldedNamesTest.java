package io.vlmeta.sinks.visuallayer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedNamesTest {

    private static int hash(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return FoldedNames.hash(bytes, 0, bytes.length);
    }

    @Test
    void hashesNamesThatDifferInCaseAlikeOnTheAsciiPath() {
        assertThat(hash("IMG_001")).isEqualTo(hash("img_001")).isEqualTo(hash("Img_001"));
        assertThat(hash("img_001")).isNotEqualTo(hash("img_002"));
    }

    @Test
    void hashesAFullWidthNameLikeItsAsciiFoldAlthoughOneTakesTheSlowPath() {
        assertThat(hash("\uFF29\uFF2D\uFF27_001")).isEqualTo(hash("img_001"));
    }

    @Test
    void hashesNonAsciiNamesThatDifferInCaseAlike() {
        assertThat(hash("CAF\u00C9")).isEqualTo(hash("caf\u00e9"));
        assertThat(FoldedNames.fold("CAF\u00C9")).isEqualTo("caf\u00e9");
    }

    @Test
    void hashesAFoldedNameAsTheMediaPathsHashOfItsBytesWhenItIsAscii() {
        byte[] bytes = "img_001".getBytes(StandardCharsets.US_ASCII);

        assertThat(hash("IMG_001")).isEqualTo(MediaPaths.hash(bytes, 0, bytes.length));
    }
}
