package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobKeysTest {
    @TempDir
    Path dir;

    private static JobSpec spec(Path input, String digest) {
        return JobSpec.builder().input(input).inputDigest(digest).build();
    }

    @Test
    void knowsStandardInputByItsDigestWhereverItsCopyLies() throws IOException {
        Path first = Files.writeString(dir.resolve("first.csv"), "file_fullpath,a\nx.jpg,1\n");
        Path second = Files.writeString(dir.resolve("second.csv"), "file_fullpath,a\nx.jpg,1\n");

        assertThat(JobKeys.of(spec(first, "ab12"))).isEqualTo(JobKeys.of(spec(second, "ab12")));
        assertThat(JobKeys.of(spec(first, "ab12"))).isNotEqualTo(JobKeys.of(spec(first, "cd34")));
    }

    @Test
    void knowsAFileByItsPathSizeAndTime() throws IOException {
        Path first = Files.writeString(dir.resolve("first.csv"), "file_fullpath,a\nx.jpg,1\n");
        Path second = Files.writeString(dir.resolve("second.csv"), "file_fullpath,a\nx.jpg,1\n");

        assertThat(JobKeys.of(spec(first, null))).isEqualTo(JobKeys.of(spec(first, null)));
        assertThat(JobKeys.of(spec(first, null))).isNotEqualTo(JobKeys.of(spec(second, null)));
    }
}
