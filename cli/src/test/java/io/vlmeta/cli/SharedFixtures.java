package io.vlmeta.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fixtures made by real tools, in {@code ../shared/fixtures} (or {@code -Dvlmeta.shared.dir}). */
final class SharedFixtures {
    static final Path DIR = dir().resolve("fixtures");
    static final Path XLSX = DIR.resolve("xlsx");
    static final Path DICOM = DIR.resolve("dicom");

    private SharedFixtures() {
    }

    private static Path dir() {
        String configured = System.getProperty("vlmeta.shared.dir");
        Path shared = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
        return shared.toAbsolutePath().normalize();
    }

    static JsonNode json(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a JSON value as the emulator returns stored values: String, BigDecimal or List of String */
    static Object plain(JsonNode value) {
        if (value.isNumber()) {
            return new BigDecimal(value.asText());
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item)));
            return items;
        }
        return value.isNull() ? null : value.asText();
    }
}
