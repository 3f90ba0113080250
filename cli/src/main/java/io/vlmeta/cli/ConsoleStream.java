package io.vlmeta.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A console stream whose text passes through {@link ConsoleText#escape}: every step line, problem and
 * summary the job prints goes through one of these, so no value from a file or a server can reach the
 * terminal as a control sequence, whichever message carries it. Line ends written by
 * {@code println} are the stream's own and stay real. Bytes written directly pass unchanged.
 */
final class ConsoleStream extends PrintStream {
    private final PrintStream target;

    private ConsoleStream(PrintStream target) {
        super(OutputStream.nullOutputStream(), true);
        this.target = target;
    }

    /** @return {@code target} wrapped, or itself when it already escapes */
    static PrintStream of(PrintStream target) {
        return target instanceof ConsoleStream ? target : new ConsoleStream(target);
    }

    @Override
    public void print(String text) {
        target.print(ConsoleText.escape(String.valueOf(text)));
    }

    @Override
    public void print(Object value) {
        print(String.valueOf(value));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] chars) {
        print(new String(chars));
    }

    @Override
    public void println() {
        target.println();
    }

    @Override
    public void println(String text) {
        synchronized (target) {
            print(text);
            target.println();
        }
    }

    @Override
    public void println(Object value) {
        println(String.valueOf(value));
    }

    @Override
    public void println(char[] chars) {
        println(new String(chars));
    }

    @Override
    public void println(char c) {
        println(String.valueOf(c));
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream printf(Locale locale, String format, Object... args) {
        print(String.format(locale, format, args));
        return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
        return printf(format, args);
    }

    @Override
    public PrintStream format(Locale locale, String format, Object... args) {
        return printf(locale, format, args);
    }

    @Override
    public PrintStream append(CharSequence text) {
        print(String.valueOf(text));
        return this;
    }

    @Override
    public void write(int b) {
        target.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        target.write(bytes, offset, length);
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }

    @Override
    public void close() {
        target.flush(); // the process's streams outlive one command
    }
}
