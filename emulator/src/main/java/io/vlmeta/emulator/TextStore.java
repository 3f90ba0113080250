package io.vlmeta.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** String and link values, as UTF-8 in a {@link BytePool}. */
final class TextStore implements FieldStore {
    /** The longest string value the server takes, in characters. */
    static final int STRING_MAX_LENGTH = 255;

    private final boolean link;
    /** pool address + 1 by ordinal; 0 = no value. */
    private final long[] addresses;
    private final BytePool pool = new BytePool();

    private TextStore(int size, boolean link) {
        this.link = link;
        this.addresses = new long[size];
    }

    static TextStore strings(int size) {
        return new TextStore(size, false);
    }

    static TextStore links(int size) {
        return new TextStore(size, true);
    }

    @Override
    public String accept(int ordinal, UploadedValue value) {
        if (value.kind() != UploadedValue.Kind.STRING) {
            return "Expected String, got " + value.typeName();
        }
        String text = value.text();
        String refusal = UnicodeScalars.refusal(link ? "Link" : "String", text);
        if (refusal == null) {
            refusal = link ? checkLink(text) : checkString(text);
        }
        if (refusal != null) {
            return refusal;
        }
        addresses[ordinal] = pool.add(text.getBytes(StandardCharsets.UTF_8)) + 1;
        return null;
    }

    private static String checkString(String text) {
        int characters = text.codePointCount(0, text.length());
        return characters > STRING_MAX_LENGTH
                ? "String has " + characters + " characters, exceeds limit of " + STRING_MAX_LENGTH
                : null;
    }

    private static String checkLink(String text) {
        if (text.length() * 3 > BytePool.MAX_ITEM_BYTES) {
            return "Link is too long";
        }
        if (HttpLinks.isHttpUrlWithHost(text)) {
            return null;
        }
        return "Invalid link '" + Reasons.shorten(text) + "': must be an absolute http:// or https:// URL";
    }

    @Override
    public boolean has(int ordinal) {
        return addresses[ordinal] != 0;
    }

    @Override
    public Object value(int ordinal) {
        return pool.string(addresses[ordinal] - 1);
    }

    @Override
    public void write(JsonGenerator generator, int ordinal) throws IOException {
        generator.writeString((String) value(ordinal));
    }
}
