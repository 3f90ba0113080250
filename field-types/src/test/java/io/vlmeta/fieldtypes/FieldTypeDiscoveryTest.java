package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.FieldTypeHandler;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FieldTypeDiscoveryTest {

    @Test
    void registersTheSixFieldTypesAsServices() {
        assertThat(ServiceLoader.load(FieldTypeHandler.class).stream().map(ServiceLoader.Provider::get))
                .extracting(FieldTypeHandler::name)
                .containsExactly("string", "float", "datetime", "enum", "multi-enum", "link");
    }

    @Test
    void describesEachFieldTypeInOneLine() {
        assertThat(ServiceLoader.load(FieldTypeHandler.class).stream().map(ServiceLoader.Provider::get))
                .extracting(FieldTypeHandler::description)
                .allSatisfy(description -> assertThat(description).isNotBlank().doesNotContain("\n"));
    }
}
