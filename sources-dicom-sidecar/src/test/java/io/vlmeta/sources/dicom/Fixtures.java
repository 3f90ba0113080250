package io.vlmeta.sources.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The shared DICOM fixtures and the facts pydicom read from each source file. */
final class Fixtures {

    private Fixtures() {
    }

    static Path dicom() {
        String configured = System.getProperty("vlmeta.shared.dir");
        Path shared = configured != null ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared").normalize();
        return shared.resolve("fixtures/dicom");
    }

    static Path jsonModelDcmtk() {
        return dicom().resolve("json-model-dcmtk");
    }

    static Path jsonModelPydicom() {
        return dicom().resolve("json-model-pydicom");
    }

    static Path flat() {
        return dicom().resolve("bids-dcm2niix");
    }

    /** @return this module's sidecars written by dcmtk 3.6.7's dcm2json (see the folder's README) */
    static Path dcmtk367() {
        try {
            return Path.of(Fixtures.class.getResource("/dcmtk-3.6.7/README.md").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path converterCsv() {
        return dicom().resolve("converter-csv/dicom_metadata.csv");
    }

    /** @return per source file stem ({@code CT_small}), attribute keyword to the text pydicom gave */
    static Map<String, Map<String, String>> expected() {
        try {
            JsonNode root = new ObjectMapper().readTree(dicom().resolve("expected.json").toFile());
            Map<String, Map<String, String>> facts = new TreeMap<>();
            root.fields().forEachRemaining(file -> {
                Map<String, String> attributes = new LinkedHashMap<>();
                file.getValue().fields().forEachRemaining(a -> attributes.put(a.getKey(), a.getValue().asText()));
                facts.put(file.getKey(), attributes);
            });
            return facts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
