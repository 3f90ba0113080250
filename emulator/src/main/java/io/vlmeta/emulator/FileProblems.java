package io.vlmeta.emulator;

import io.vlmeta.api.FileFaults;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words why a dataset's file list could not be read, or why the state dump could not be
 * written, from the exception that reading or writing threw. Exceptions are told apart by their type and,
 * for Commons CSV, which has one type for every fault, by the wording of its message; what no rule knows
 * gets a general sentence, never the exception's own message, which names library classes or repeats
 * the path without a reason.
 */
final class FileProblems {
    /** What {@code --dataset ID=FILE} takes, to end every sentence about a file list. */
    static final String FILE_LIST_ACCEPTED = "give a UTF-8 text file with one file name per line, or an export CSV with"
            + " a 'filename' column";

    private static final Pattern UNCLOSED_QUOTE =
            Pattern.compile("\\(startline ([\\d,.\\s\u00a0\u202f']+)\\) EOF reached before encapsulated token finished");
    private static final Pattern AFTER_QUOTE =
            Pattern.compile("Invalid character between encapsulated token and delimiter at line: ([\\d,.\\s\u00a0\u202f']+),");
    private static final Pattern DUPLICATE_NAME = Pattern.compile("duplicate name: \"(.*)\" in \\[");

    private FileProblems() {
    }

    /**
     * @param file the file list that was being read, never null
     * @param failure what reading it threw, never null; an {@link java.io.UncheckedIOException} should be
     *     passed as its cause
     * @return why {@code file} cannot be read as a file list, as one clause ending in what would be accepted
     */
    static String whyFileListUnreadable(Path file, Throwable failure) {
        if (failure instanceof NoSuchFileException) {
            return "the file does not exist; " + FILE_LIST_ACCEPTED;
        }
        if (failure instanceof AccessDeniedException) {
            return "it cannot be read (permission denied); allow reading it, or " + FILE_LIST_ACCEPTED;
        }
        if (failure instanceof CharacterCodingException) {
            return "it holds bytes that are not UTF-8 text" + lineOfFirstNonUtf8(file)
                    + "; save it as UTF-8, with one file name per line or as an export CSV with a 'filename' column";
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        Matcher unclosed = UNCLOSED_QUOTE.matcher(message);
        if (unclosed.find()) {
            return "a quoted value starts on line " + number(unclosed.group(1)) + " and is never closed; end it with"
                    + " a closing \", and write a quote inside a quoted value as \"\"";
        }
        Matcher afterQuote = AFTER_QUOTE.matcher(message);
        if (afterQuote.find()) {
            return "line " + number(afterQuote.group(1)) + " has text after a quoted value's closing quote; put the"
                    + " whole value inside the quotes (e.g. \"my photo.jpg\"), and write a quote inside it as \"\"";
        }
        Matcher duplicate = DUPLICATE_NAME.matcher(message);
        if (duplicate.find()) {
            return "its header names the column '" + duplicate.group(1) + "' twice; give each column its own name";
        }
        if (message.contains("header name is missing")) {
            return "its header has a column without a name (an empty name between commas, or a comma at the end);"
                    + " name every column";
        }
        return "it cannot be read as a file list; " + FILE_LIST_ACCEPTED;
    }

    /**
     * @param dump the file the state was being written to, never null
     * @param failure what writing it threw, never null
     * @return why the state could not be written to {@code dump}, as one clause ending in what to do
     */
    static String whyDumpUnwritable(Path dump, IOException failure) {
        Path folder = dump.toAbsolutePath().getParent();
        if (failure instanceof NoSuchFileException && folder != null && !Files.exists(folder)) {
            // the folder was there when the emulator started: it was removed while it ran
            return "the folder " + folder + " no longer exists; create it again, or give --dump a file in a folder"
                    + " that stays while the emulator runs";
        }
        return FileFaults.whyUnwritable(dump, failure) + "; give --dump a file in a folder you can write to, on a"
                + " disk with room";
    }

    /** @return " (first on line N)" for the first line holding bytes that are not UTF-8, "" when none is found */
    private static String lineOfFirstNonUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(bytes);
            CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
            if (!result.isError()) {
                return "";
            }
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return " (first on line " + line + ")";
        } catch (IOException e) {
            return ""; // the line is a help, not the reason: the sentence stands without it
        }
    }

    /** @return a line number Commons CSV formatted with the locale's grouping, as plain digits */
    private static String number(String formatted) {
        return formatted.replaceAll("\\D", "");
    }
}
