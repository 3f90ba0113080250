package io.vlmeta.sources.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flat keyword sidecars (BIDS style, as dcm2niix writes them): {@code {"Modality": "MR", "EchoTime": 0.24}}.
 * Names the dictionary knows are typed by their VR; other names by their JSON value.
 */
final class FlatSidecarParser {
    private final DicomDictionary dictionary;
    private final SnakeCase.Cache snakeNames = new SnakeCase.Cache();

    FlatSidecarParser(DicomDictionary dictionary) {
        this.dictionary = dictionary;
    }

    ParsedSidecar parse(JsonNode root) throws MalformedSidecarException {
        if (!root.isObject()) {
            throw new MalformedSidecarException("it holds a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not an object of attributes keyed by keyword like \"Modality\"");
        }
        List<DicomAttribute> attributes = new ArrayList<>();
        List<SkippedAttribute> skipped = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            Optional<DictionaryEntry> entry = dictionary.byKeyword(name);
            String tag = entry.map(DictionaryEntry::tag).orElse(null);
            if (value.isObject() || (value.isArray() && !allScalar(value))) {
                skipped.add(new SkippedAttribute(tag, name, value.isObject() ? "JSON object" : "JSON array of objects"));
                continue;
            }
            if (entry.isPresent() && entry.get().vr().isSkipped()) {
                skipped.add(new SkippedAttribute(tag, name, entry.get().vr().name()));
                continue;
            }
            List<Object> values = values(value);
            Vr vr = entry.map(DictionaryEntry::vr).orElseGet(() -> vrFromJson(value));
            attributes.add(new DicomAttribute(tag, name, snakeNames.of(name), vr, values));
        }
        return new ParsedSidecar(attributes, skipped);
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static List<Object> values(JsonNode value) {
        List<Object> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(scalar(item)));
        } else if (!value.isNull()) {
            values.add(scalar(value));
        }
        return values;
    }

    private static Object scalar(JsonNode item) {
        if (item.isNumber()) {
            return item.decimalValue();
        }
        if (item.isNull()) {
            return "";
        }
        return item.isTextual() ? MisdecodedText.repair(item.textValue()) : item.asText();
    }

    /**
     * A name outside the dictionary: numbers are measurements, booleans and lists of words are options.
     * A lone string gets no VR, so the engine's inference looks at the values.
     */
    private static Vr vrFromJson(JsonNode value) {
        if (value.isBoolean()) {
            return Vr.CS;
        }
        if (value.isNumber()) {
            return Vr.FD;
        }
        if (value.isArray() && !value.isEmpty()) {
            boolean numbers = true;
            for (JsonNode item : value) {
                numbers &= item.isNumber();
            }
            return numbers ? Vr.FD : Vr.CS;
        }
        return null;
    }
}
