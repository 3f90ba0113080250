package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobSpecTest {
    @Test
    void onlyTheShippedTypesAreBuiltInSoOnlyTheirNamesAreShownBack() {
        assertThat(JobSpec.isBuiltInType("multi-enum")).isTrue();
        assertThat(JobSpec.isBuiltInType("link")).isTrue();
        assertThat(JobSpec.isBuiltInType("integer")).as("a plugin's type").isFalse();
        assertThat(JobSpec.isBuiltInType("Float")).as("names are exact").isFalse();
        assertThat(JobSpec.isBuiltInType(null)).isFalse();
    }
}
