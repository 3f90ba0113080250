package io.vlmeta.engine.testplugins;

import io.vlmeta.api.ColumnAccumulator;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ValueParser;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;

/** Deliberately small field types for engine tests; the real ones live in the field-types module. */
public final class SimpleTypes {

    private SimpleTypes() {
    }

    abstract static class Base implements FieldTypeHandler {
        private final String name;
        private final String serverType;

        Base(String name, String serverType) {
            this.name = name;
            this.serverType = serverType;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "test " + name;
        }

        @Override
        public ValueParser parser(FieldSettings settings) {
            return raw -> raw.isBlank() ? ParseResult.absent() : parseText(raw.display().strip());
        }

        abstract ParseResult parseText(String text);

        @Override
        public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
            TreeSet<String> options = new TreeSet<>();
            boolean isEnum = serverType.equals("enum");
            return new ColumnAccumulator() {
                @Override
                public void add(Object json) {
                    if (isEnum) {
                        options.add((String) json);
                    }
                }

                @Override
                public List<Problem> finish() {
                    return List.of();
                }

                @Override
                public FieldDeclaration declaration() {
                    return new FieldDeclaration(fieldName, name, serverType, false, List.copyOf(options));
                }
            };
        }
    }

    public static final class Text extends Base {
        public Text() {
            super("string", "string");
        }

        @Override
        ParseResult parseText(String text) {
            return ParseResult.of(text);
        }
    }

    public static final class Enum extends Base {
        public Enum() {
            super("enum", "enum");
        }

        @Override
        ParseResult parseText(String text) {
            return ParseResult.of(text);
        }
    }

    /**
     * Text that a plugin declares as an enum once it has seen the value {@code enum!}: a field type
     * whose declared type depends on its values, which no built-in one does.
     */
    public static final class Shifting implements FieldTypeHandler {
        private final Text text = new Text();

        @Override
        public String name() {
            return "shifting";
        }

        @Override
        public String description() {
            return "test text that may turn into an enum";
        }

        @Override
        public ValueParser parser(FieldSettings settings) {
            return text.parser(settings);
        }

        @Override
        public ColumnAccumulator newAccumulator(String fieldName, FieldSettings settings) {
            TreeSet<String> options = new TreeSet<>();
            return new ColumnAccumulator() {
                @Override
                public void add(Object json) {
                    options.add((String) json);
                }

                @Override
                public List<Problem> finish() {
                    return List.of();
                }

                @Override
                public FieldDeclaration declaration() {
                    return options.contains("enum!")
                            ? new FieldDeclaration(fieldName, "shifting", "enum", false, List.copyOf(options))
                            : FieldDeclaration.simple(fieldName, "shifting", "string");
                }
            };
        }
    }

    public static final class Number extends Base {
        public Number() {
            super("float", "float");
        }

        @Override
        ParseResult parseText(String text) {
            try {
                return ParseResult.of(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return ParseResult.invalid("Invalid float value '" + text + "'. Must be a valid number.");
            }
        }
    }
}
