package io.vlmeta.cli;

import java.util.function.LongFunction;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads a whole-number option's value as a plan's whole numbers are read ({@link PlanNumbers}): plain decimal
 * digits 0 to 9, a leading {@code -} allowed so that a negative is refused as below what the option accepts. The
 * parser's own reading, Java's {@code Integer.parseInt}, also takes {@code +5} and the digits of other scripts
 * ({@code ٥}, {@code ５}), which a plan's key refuses.
 *
 * <p>A refusal is worded as the parser words its own ({@code '...' is not an int}), so that {@link ParserMessages}
 * puts both in vlmeta's words alike, digits too many for the type as too large, and never shows the value.
 */
final class WholeNumbers {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

    private WholeNumbers() {
    }

    /** Registers the readers of {@code int}, {@code Integer}, {@code long} and {@code Long} on every command. */
    static void register(CommandLine root) {
        CommandLine.ITypeConverter<Integer> ints = converter("an int", Math::toIntExact);
        CommandLine.ITypeConverter<Long> longs = converter("a long", value -> value);
        root.registerConverter(Integer.class, ints);
        root.registerConverter(int.class, ints);
        root.registerConverter(Long.class, longs);
        root.registerConverter(long.class, longs);
    }

    /**
     * @param typeName the type as the parser names it ("an int")
     * @param narrowed the value as the type, or an {@link ArithmeticException} when it cannot hold it
     */
    private static <T> CommandLine.ITypeConverter<T> converter(String typeName, LongFunction<T> narrowed) {
        return value -> {
            if (!DECIMAL.matcher(value).matches()) {
                throw notA(typeName, value);
            }
            try {
                return narrowed.apply(Long.parseLong(value));
            } catch (NumberFormatException | ArithmeticException e) {
                throw notA(typeName, value); // digits too many: ParserMessages says how large it may be
            }
        };
    }

    private static CommandLine.TypeConversionException notA(String typeName, String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is not " + typeName);
    }
}
