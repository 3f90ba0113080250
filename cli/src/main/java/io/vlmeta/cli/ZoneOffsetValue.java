package io.vlmeta.cli;

import java.util.Map;
import java.util.Stack;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Lets {@code --timezone} take an offset west of UTC ({@code --timezone -05:00}). The parser reads no word
 * starting with {@code -} as a value, numbers aside (see {@link Cli}), so that a mistyped option after one
 * that takes a value is refused rather than taken as that value; an offset is read as the same offset from
 * UTC ({@code UTC-05:00}), which the parser takes as a value like any other.
 */
public final class ZoneOffsetValue implements CommandLine.IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
        if (!args.isEmpty() && args.peek().matches("-[0-9].*")) {
            args.push("UTC" + args.pop());
        }
        return false; // the parser reads the value as usual
    }
}
