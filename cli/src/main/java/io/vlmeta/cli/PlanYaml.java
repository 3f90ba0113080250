package io.vlmeta.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FileFaults;
import io.vlmeta.api.NameSuggestions;
import io.vlmeta.api.VlmetaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    private static final String EMPTY = "the file is empty; write one with 'vlmeta plan ... -o FILE'";

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
     * @throws VlmetaException (input unreadable) when the file cannot be read; (usage) when it is not
     *     a plan: not YAML, an unknown key, a value of the wrong kind, no or a newer {@code version}, a column
     *     entry without a name or a type, a column listed twice with two types; each worded as {@link PlanPlace}
     *     words it
     */
    static PlanFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw PlanPlace.of(file).refuse("no such file; write one with 'vlmeta plan ... -o " + file + "'");
        } catch (IOException e) {
            throw PlanPlace.of(file).refuse(ErrorCode.INPUT_UNREADABLE, "the file "
                    + FileFaults.whyUnreadable(file, e), e);
        }
        return parse(text, file.toString());
    }

    /** @param name the plan's name for messages */
    static PlanFile parse(String text, String name) {
        PlanPlace whole = PlanPlace.of(name);
        if (text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            throw whole.refuse(EMPTY);
        }
        PlanFile plan;
        try {
            plan = MAPPER.readValue(text, PlanFile.class);
        } catch (UnrecognizedPropertyException e) {
            Collection<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String hint = NameSuggestions.didYouMean(e.getPropertyName(), known);
            throw whole.line(keyLine(text, e.getPropertyName(), e.getLocation())).key(path(e.getPath()))
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
            throw whole.refuse(EMPTY);
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
        List<PlanFile.Column> columns = PlanColumns.checked(plan.columns(), whole, text);
        return new PlanFile(plan.version(), plan.input(), columns, plan.leftOut(), plan.fieldSettings(),
                plan.matching(), plan.patientData(), plan.dataset(), plan.upload());
    }

    private static PlanPlace at(PlanPlace whole, JsonMappingException e) {
        return whole.line(lineNumber(e.getLocation())).key(path(e.getPath()));
    }

    private static VlmetaException notYaml(PlanPlace whole, JacksonException e) {
        String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        Matcher duplicate = DUPLICATE_KEY.matcher(why);
        if (duplicate.matches()) {
            // a key's name is the plan's own word, never a value; the line is the second one's
            return whole.line(lineNumber(e.getLocation())).key(duplicate.group(1)).refuse("given twice in the same "
                    + "map; give each key once");
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

    /**
     * The line of a key: Jackson reports where it stopped, which is past the key's whole value when
     * that value is a map or a list, so the key is looked for in the text first.
     *
     * @return the line from 1; 0 when neither the text nor {@code location} shows it
     */
    private static int keyLine(String text, String key, JsonLocation location) {
        Pattern keyAtLineStart = Pattern.compile("^[ \\t]*(?:- )?['\"]?" + Pattern.quote(key) + "['\"]?[ \\t]*:",
                Pattern.MULTILINE);
        Matcher matcher = keyAtLineStart.matcher(text);
        if (matcher.find()) {
            return (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
        }
        return lineNumber(location);
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
