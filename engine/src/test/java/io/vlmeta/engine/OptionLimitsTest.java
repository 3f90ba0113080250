package io.vlmeta.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlmeta.api.VlmetaException;
import org.junit.jupiter.api.Test;

class OptionLimitsTest {
    @Test
    void aLimitBelowOneIsRefusedInTheSharedWordsWithTheNumberGiven() {
        assertThatThrownBy(() -> OptionLimits.requireAtLeastOne("--enum-limit", 0))
                .isInstanceOf(VlmetaException.class)
                .hasMessage("--enum-limit must be a whole number of at least 1; the value given is 0.");
        assertThatCode(() -> OptionLimits.requireAtLeastOne("--enum-limit", 1)).doesNotThrowAnyException();
    }
}
