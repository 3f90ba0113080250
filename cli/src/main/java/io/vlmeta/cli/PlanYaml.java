package io.vlmeta.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
            .addModule(PlanNumbers.module())
            .build();

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
     *     a plan: not YAML, an unknown key, a value of the wrong kind, no or a newer {@code version}
     */
    static PlanFile read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw VlmetaException.usage("Plan " + file + " does not exist; write one with 'vlmeta plan ... -o "
                    + file + "'.");
        } catch (IOException e) {
            throw new VlmetaException(ErrorCode.INPUT_UNREADABLE, "Cannot read plan " + file + ": it "
                    + FileFaults.whyUnreadable(file, e) + ".", e);
        }
        return parse(text, file.toString());
    }

    /** @param name the plan's name for messages */
    static PlanFile parse(String text, String name) {
        if (text.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
            throw VlmetaException.usage("Plan " + name + " is empty; write one with 'vlmeta plan ... -o FILE'.");
        }
        PlanFile plan;
        try {
            plan = MAPPER.readValue(text, PlanFile.class);
        } catch (UnrecognizedPropertyException e) {
            Collection<String> known = e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            String where = e.getPath().size() > 1 ? " under '" + path(e.getPath().subList(0, e.getPath().size() - 1))
                    + "'" : "";
            String hint = NameSuggestions.didYouMean(e.getPropertyName(), known);
            throw VlmetaException.usage("Plan " + name + keyLine(text, e.getPropertyName(), e.getLocation())
                    + ": unknown key '" + e.getPropertyName()
                    + "'" + where + (hint.isEmpty() ? "." : "; " + hint) + " Keys there: " + String.join(", ", known)
                    + ".");
        } catch (MismatchedInputException e) {
            throw VlmetaException.usage("Plan " + name + line(e.getLocation()) + ": '" + path(e.getPath()) + "' needs "
                    + kind(e.getTargetType()) + ".");
        } catch (PlanNumbers.TooLarge e) {
            throw VlmetaException.usage("Plan " + name + line(e.getLocation()) + ": '" + path(e.getPath()) + "' needs "
                    + "a whole number of at most " + e.max() + ".");
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JacksonException syntax && !(syntax instanceof JsonMappingException)) {
                throw notYaml(name, syntax);
            }
            throw VlmetaException.usage("Plan " + name + line(e.getLocation()) + ": '" + path(e.getPath())
                    + "' cannot be read (" + e.getOriginalMessage().lines().findFirst().orElse("") + ").");
        } catch (JacksonException e) {
            throw notYaml(name, e);
        }
        if (plan == null) {
            throw VlmetaException.usage("Plan " + name + " is empty; write one with 'vlmeta plan ... -o FILE'.");
        }
        if (plan.version() == null) {
            throw VlmetaException.usage("Plan " + name + " has no 'version' key; a plan written by this vlmeta "
                    + "starts with 'version: " + PlanFile.VERSION + "'.");
        }
        if (plan.version() != PlanFile.VERSION) {
            throw VlmetaException.usage("Plan " + name + " has version " + plan.version() + "; this vlmeta reads "
                    + "version " + PlanFile.VERSION + " (write the plan again with this vlmeta's 'plan').");
        }
        if (plan.input() == null || plan.input().path() == null) {
            throw VlmetaException.usage("Plan " + name + " names no input: it needs 'input:' with 'path:'.");
        }
        if (plan.columns() != null) {
            for (PlanFile.Column column : plan.columns()) {
                if (column == null || column.name() == null || column.name().isBlank() || column.type() == null
                        || column.type().isBlank()) {
                    throw VlmetaException.usage("Plan " + name + ": every entry under 'columns' needs a 'name' "
                            + "and a 'type' (e.g. '- name: score' and 'type: float').");
                }
            }
        }
        return plan;
    }

    private static VlmetaException notYaml(String name, JacksonException e) {
        String why = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        if (why.startsWith("while scanning a quoted scalar") && e.getLocation() != null) {
            // the parser marks where the quote opened, and words it after itself
            return VlmetaException.usage("Plan " + name + " is not YAML: a quote opened on line "
                    + e.getLocation().getLineNr() + " is never closed.");
        }
        return VlmetaException.usage("Plan " + name + line(e.getLocation()) + " is not YAML: "
                + e.getOriginalMessage().lines().findFirst().orElse("").strip() + ".");
    }

    /**
     * The line of a key: Jackson reports where it stopped, which is past the key's whole value when
     * that value is a map or a list, so the key is looked for in the text first.
     */
    private static String keyLine(String text, String key, JsonLocation location) {
        Pattern keyAtLineStart = Pattern.compile("^[ \\t]*(?:- )?['\"]?" + Pattern.quote(key) + "['\"]?[ \\t]*:",
                Pattern.MULTILINE);
        Matcher matcher = keyAtLineStart.matcher(text);
        if (matcher.find()) {
            return ", line " + (text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1);
        }
        return line(location);
    }

    private static String line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : ", line " + location.getLineNr();
    }

    private static String path(List<JsonMappingException.Reference> path) {
        return path.stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + (r.getIndex() + 1) + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "a map of keys" : "another kind of value";
    }
}
