package io.vlmeta.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes and reads {@link PlanFile}s as YAML, and turns a malformed plan into one clear usage error. */
final class PlanYaml {
    /** The comment the file starts with, so a reader of the file knows what it is and what runs it. */
    static final String HEADER = "# A vlmeta plan: the whole job, for review before an upload that cannot be undone.\n"
            + "# Run it with: vlmeta upload --plan FILE (flags given beside --plan win). It holds no secret.\n";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // a key given twice would otherwise keep its last value without a word (two dataset ids, say)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(PlanNumbers.module())
            .build();

    /** Jackson's words for a key given twice ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}). */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate field '(.*)'");

    /** How a plan file is made, ending a refusal of a path or a file that is none. */
    private static final String WRITE_ONE = "write one with 'vlmeta plan ... -o plan.yaml'";

    /** What is accepted, ending a refusal of a path that is no file to read. */
    private static final String TAKES_A_PLAN = "--plan takes a plan file, as 'vlmeta plan ... -o plan.yaml' writes one";

    /** The refusal of a file that holds no YAML map at all: a CSV file, a JSON list, an empty or a binary file. */
    private static final String NOT_A_PLAN = "not a vlmeta plan, which is a YAML map of keys starting with "
            + "'version: " + PlanFile.VERSION + "'; " + WRITE_ONE;

    private PlanYaml() {
    }

    /** @return the plan as YAML text, starting with {@link #HEADER} */
    static String write(PlanFile plan) {
        try {
            String yaml = MAPPER.writeValueAsString(plan);
            return HEADER + (yaml.endsWith("\n") ? yaml : yaml + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("a plan could not be written as YAML", e);
        }
    }

    /**
     * @throws VlmetaException (usage) when the path is no plan file: it does not exist, is a folder, a pipe or
     *     device, a link to nothing, or a file this user may not read; when the file is not a plan at all (no YAML
     *     map: a CSV file, a JSON list, an empty or binary file); when it is a plan with a fault: not YAML, an
     *     unknown key, a value of the wrong kind or none where text is needed, no or a newer {@code version}, a
     *     column entry without a name or a type, a column listed twice with two types; each worded as
     *     {@link PlanPlace} words it. (input unreadable) when the system fails to read a file that is there
     */
    static PlanFile read(Path file) {
        PlanPlace whole = PlanPlace.of(file);
        Optional<String> notAFile = FileFaults.whyNotAReadableFile(file);
        if (notAFile.isPresent()) {
            throw whole.refuse("the file " + notAFile.get() + "; " + TAKES_A_PLAN);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            // the path was a readable file a moment ago: what failed is the system, or the file changed since
            throw whole.refuse(ErrorCode.INPUT_UNREADABLE, "the file " + FileFaults.whyUnreadable(file, e), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // a plan saved in another encoding still starts as a map; a binary file does not
            if (start(new String(bytes, StandardCharsets.UTF_8)) != Start.MAP) {
                throw whole.refuse(NOT_A_PLAN);
            }
            throw whole.refuse("the file is not UTF-8 text; save it as UTF-8, as 'vlmeta plan' writes it");
        }
        return parse(text, file.toString());
    }

    /** @param name the plan's name for messages */
    static PlanFile parse(String text, String name) {
        PlanPlace whole = PlanPlace.of(name);
        Start start = start(text);
        if (start == Start.OTHER || text.indexOf('\0') >= 0) {
            throw whole.refuse(NOT_A_PLAN);
        }
        PlanFile plan;
        try {
            plan = MAPPER.readValue(text, PlanFile.class);
        } catch (UnrecognizedPropertyException e) {
            Collection<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String hint = NameSuggestions.didYouMean(e.getPropertyName(), known);
            String key = path(e.getPath());
            throw whole.line(keyLine(text, key, e.getLocation())).key(key)
                    .refuse("unknown key; " + (hint.isEmpty() ? "keys there: " : hint + " Keys there: ")
                            + String.join(", ", known));
        } catch (MismatchedInputException e) {
            throw at(whole, e).refuse(wrongKind(e.getTargetType()));
        } catch (PlanNumbers.TooLarge e) {
            throw at(whole, e).refuse("too large; it takes a whole number of at most " + e.max());
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JacksonException syntax && !(syntax instanceof JsonMappingException)) {
                throw notYaml(whole, syntax);
            }
            throw at(whole, e).refuse("cannot be read (" + e.getOriginalMessage().lines().findFirst().orElse("")
                    + ")");
        } catch (JacksonException e) {
            throw notYaml(whole, e);
        }
        if (plan == null) {
            throw whole.refuse(NOT_A_PLAN);
        }
        PlanPlace version = whole.line(keyLine(text, "version", null)).key("version");
        if (plan.version() == null) {
            throw version.refuse("missing; a plan written by this vlmeta starts with 'version: " + PlanFile.VERSION
                    + "'");
        }
        if (plan.version() != PlanFile.VERSION) {
            throw version.refuse(plan.version() + " is not read by this vlmeta; it reads version " + PlanFile.VERSION
                    + " (write the plan again with this vlmeta's 'plan')");
        }
        if (plan.input() == null || plan.input().path() == null) {
            throw whole.key("input.path").refuse("missing; a plan names its input with 'input:' and 'path:' under it");
        }
        requireTexts(plan, whole, text);
        List<PlanFile.Column> columns = PlanColumns.checked(plan.columns(), whole, text);
        return new PlanFile(plan.version(), plan.input(), columns, plan.leftOut(), plan.fieldSettings(),
                plan.matching(), plan.patientData(), plan.dataset(), plan.upload());
    }

    /**
     * Refuses a key that takes text but holds none ({@code id: ""}) where it stands: left to run, it would be refused
     * later in the words of the flag it stands for, without the plan's line, or taken as no value at all. A key
     * whose value the applier checks (the time zone, the way to match, the task timeout) is left to it.
     */
    private static void requireTexts(PlanFile plan, PlanPlace whole, String text) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("input.path", plan.input().path());
        texts.put("input.source", plan.input().source());
        texts.put("input.path-column", plan.input().pathColumn());
        if (plan.matching() != null) {
            texts.put("matching.export-file", plan.matching().exportFile());
        }
        if (plan.dataset() != null) {
            texts.put("dataset.id", plan.dataset().id());
            texts.put("dataset.base-url", plan.dataset().baseUrl());
        }
        texts.forEach((key, value) -> {
            if (value != null && value.isBlank()) {
                throw whole.line(PlanColumns.keyLine(text, key)).key(key).refuse(key.equals("input.path")
                        ? "no value; a plan names its input file or folder here"
                        : "no value; give one, or remove the key to leave the default");
            }
        });
    }

    private static PlanPlace at(PlanPlace whole, JsonMappingException e) {
        return whole.line(lineNumber(e.getLocation())).key(path(e.getPath()));
    }

    private static VlmetaException notYaml(PlanPlace whole, JacksonException e) {
        String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        Matcher duplicate = DUPLICATE_KEY.matcher(why);
        if (duplicate.matches()) {
            // a key's name is the plan's own word, never a value; the line is the second one's
            String path = keyPath(e);
            return whole.line(lineNumber(e.getLocation())).key(path != null ? path : duplicate.group(1))
                    .refuse("given twice in the same map; give each key once");
        }
        if (why.startsWith("while scanning a quoted scalar") && e.getLocation() != null) {
            // the parser marks where the quote opened, and words it after itself
            return whole.line(e.getLocation().getLineNr()).refuse("not YAML; a quote opened on this line is never "
                    + "closed");
        }
        if (!(e instanceof JacksonYAMLParseException)) {
            // not the YAML parser's own words on the text's form but a decoder's (a !!binary value, say): Java's
            // wording, which may quote the value
            return whole.line(lineNumber(e.getLocation())).refuse("a value on this line cannot be read; a plan holds "
                    + "plain YAML text, numbers, lists and maps, without tags such as !!binary");
        }
        return whole.line(lineNumber(e.getLocation())).refuse("not YAML (" + why + ")");
    }

    /** How a text starts, told before it is read as a plan. */
    private enum Start {
        /** a YAML map: a plan, or one with faults the full read words */
        MAP,
        /** nothing but comments, or a value that is no map: a list, a scalar, a CSV file's first line */
        OTHER,
        /** its first value cannot be read: the full read words why, with the line (a quote left open, say) */
        UNREADABLE
    }

    private static Start start(String text) {
        try (JsonParser parser = new YAMLFactory().createParser(text)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? Start.MAP : Start.OTHER;
        } catch (IOException e) {
            return Start.UNREADABLE;
        }
    }

    /**
     * @return the path of the key the parser stood on when it stopped, e.g. {@code dataset.id} or
     *     {@code columns[2].name}, as every refusal of a plan names a key; the last name alone is ambiguous (an
     *     {@code id} under {@code dataset}, or another)
     */
    private static String keyPath(JacksonException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        Deque<String> names = new ArrayDeque<>();
        for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            names.addFirst(at.inArray() ? "[" + (at.getCurrentIndex() + 1) + "]" : String.valueOf(at.getCurrentName()));
        }
        return names.isEmpty() ? null : String.join(".", names).replace(".[", "[");
    }

    /**
     * The line of a key: Jackson reports where it stopped, which is past the key's whole value when
     * that value is a map or a list, so the key is looked for by its path first (its last name alone may
     * stand in another map too).
     *
     * @return the line from 1; 0 when neither the text nor {@code location} shows it
     */
    private static int keyLine(String text, String path, JsonLocation location) {
        int line = PlanColumns.keyLine(text, path);
        return line > 0 ? line : lineNumber(location);
    }

    /** @return the line from 1; 0 when not known */
    private static int lineNumber(JsonLocation location) {
        return location == null ? 0 : Math.max(location.getLineNr(), 0);
    }

    private static String path(List<JsonMappingException.Reference> path) {
        return path.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + (r.getIndex() + 1) + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** @return what is wrong with a value of another kind than {@code type}, saying what the key takes */
    private static String wrongKind(Class<?> type) {
        if (type == null) {
            return "a value of the wrong kind";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "not a whole number; it takes the digits 0 to 9";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "not true or false";
        }
        if (type == String.class) {
            return "not a single value (text)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "not a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "not a map of keys" : "a value of the wrong kind";
    }
}
