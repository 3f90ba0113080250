package io.vlmeta.sources.dicom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DICOM JSON Model (PS3.18 Annex F), as dcmtk's {@code dcm2json}, pydicom's {@code to_json} and
 * DICOMweb servers write it: attributes keyed by tag, each with {@code vr} and {@code Value}.
 */
final class JsonModelParser {
    private static final List<String> NAME_GROUPS = List.of("Alphabetic", "Ideographic", "Phonetic");

    private final DicomDictionary dictionary;
    private final SnakeCase.Cache snakeNames = new SnakeCase.Cache();

    JsonModelParser(DicomDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** @return true when the object's members are keyed by tag, which is how the two sidecar kinds differ */
    static boolean looksLikeJsonModel(JsonNode root) {
        if (!root.isObject() || root.isEmpty()) {
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!DicomTags.isTag(field.getKey()) || !field.getValue().isObject()) {
                return false;
            }
        }
        return true;
    }

    ParsedSidecar parse(JsonNode root) throws MalformedSidecarException {
        if (!root.isObject()) {
            throw new MalformedSidecarException("it holds a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not an object of attributes keyed by tag like \"00080020\"");
        }
        List<DicomAttribute> attributes = new ArrayList<>();
        List<SkippedAttribute> skipped = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (!DicomTags.isTag(key)) {
                throw new MalformedSidecarException("attribute key '" + key
                        + "' is not a tag of eight hex digits like \"00080020\" (use sidecar-format=flat for keyword sidecars)");
            }
            String tag = DicomTags.normalize(key);
            JsonNode element = field.getValue();
            if (!element.isObject()) {
                throw new MalformedSidecarException("attribute " + DicomTags.display(tag) + " is not an object with vr and Value");
            }
            Vr vr = vrOf(tag, element);
            String keyword = dictionary.byTag(tag).map(DictionaryEntry::keyword).orElse(DicomTags.fallbackName(tag));
            if (vr.isSkipped() || element.has("InlineBinary") || element.has("BulkDataURI")) {
                skipped.add(new SkippedAttribute(tag, keyword, vr.name()));
                continue;
            }
            attributes.add(new DicomAttribute(tag, keyword, snakeNames.of(keyword), vr, values(tag, element.get("Value"))));
        }
        return new ParsedSidecar(attributes, skipped);
    }

    private Vr vrOf(String tag, JsonNode element) throws MalformedSidecarException {
        JsonNode vrNode = element.get("vr");
        if (vrNode == null) {
            return dictionary.byTag(tag).map(DictionaryEntry::vr).orElseThrow(() -> new MalformedSidecarException(
                    "attribute " + DicomTags.display(tag) + " has no vr"));
        }
        return Vr.parse(vrNode.asText()).orElseThrow(() -> new MalformedSidecarException(
                "attribute " + DicomTags.display(tag) + " has an unknown vr '" + vrNode.asText() + "'"));
    }

    private static List<Object> values(String tag, JsonNode value) throws MalformedSidecarException {
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new MalformedSidecarException("the Value of " + DicomTags.display(tag) + " is not an array");
        }
        List<Object> values = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (item.isNull()) {
                values.add("");
            } else if (item.isNumber()) {
                values.add(item.decimalValue());
            } else if (item.isTextual()) {
                values.add(item.textValue());
            } else if (item.isObject()) {
                values.add(personName(item));
            } else {
                throw new MalformedSidecarException("the Value of " + DicomTags.display(tag) + " holds a JSON "
                        + item.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string or number");
            }
        }
        return values;
    }

    /** A PN object back to DICOM's own text: the groups joined by {@code =}, trailing empty groups dropped. */
    private static String personName(JsonNode name) {
        List<String> groups = new ArrayList<>();
        for (String group : NAME_GROUPS) {
            JsonNode part = name.get(group);
            groups.add(part == null || part.isNull() ? "" : part.asText());
        }
        while (!groups.isEmpty() && groups.get(groups.size() - 1).isEmpty()) {
            groups.remove(groups.size() - 1);
        }
        return String.join("=", groups);
    }
}
