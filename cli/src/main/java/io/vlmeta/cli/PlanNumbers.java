package io.vlmeta.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Reads a plan's whole numbers as the command line's flags read them: plain decimal digits only. YAML
 * would read {@code 0x5EC} and {@code 1_000} as numbers and cut {@code 0.5} to 0, so a limit such as
 * {@code enum-option-max-length: 1.9} would quietly become 1. A leading {@code -} is read, so that a
 * negative is refused as below what the key accepts.
 */
final class PlanNumbers {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

    private PlanNumbers() {
    }

    /** @return the module that reads {@link Integer} and {@link Long} keys this way */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("plan-numbers");
        module.addDeserializer(Integer.class, new Strict<>(Integer.class, Integer.MAX_VALUE, Math::toIntExact));
        module.addDeserializer(Long.class, new Strict<>(Long.class, Long.MAX_VALUE, value -> value));
        return module;
    }

    /**
     * A whole number above what its key can hold. The value is not kept: its path and the largest
     * accepted number say all a message needs.
     */
    static final class TooLarge extends JsonMappingException {
        private final long max;

        TooLarge(JsonParser parser, long max) {
            super(parser, "a whole number above " + max);
            this.max = max;
        }

        /** @return the largest number the key accepts */
        long max() {
            return max;
        }
    }

    private interface Narrowing<T> {
        T from(long value);
    }

    private static final class Strict<T extends Number> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final long max;
        private final Narrowing<T> narrowing;

        Strict(Class<T> type, long max, Narrowing<T> narrowing) {
            this.type = type;
            this.max = max;
            this.narrowing = narrowing;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            String text = token != null && token.isScalarValue() ? parser.getText().strip() : null;
            if (text == null || !DECIMAL.matcher(text).matches()) {
                // the same refusal as any other value of the wrong kind, which never echoes the value
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new TooLarge(parser, max);
            }
            if (value > max) {
                throw new TooLarge(parser, max);
            }
            // a negative below the type's least is far below any limit's 1: it is refused as below 1
            return narrowing.from(Math.max(value, type == Integer.class ? Integer.MIN_VALUE : Long.MIN_VALUE));
        }
    }
}
