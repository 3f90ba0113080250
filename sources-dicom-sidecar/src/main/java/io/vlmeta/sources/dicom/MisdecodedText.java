package io.vlmeta.sources.dicom;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Undoes the two ways flat sidecar writers (dcm2niix) garble non-Latin text: ISO 2022 escape
 * sequences copied through undecoded (Japanese, {@code ISO 2022 IR 87}), and UTF-8 bytes read as
 * Latin-1 and written out again. Both leave evidence (the escape byte; a byte sequence that is valid
 * UTF-8), so the repair never guesses. Text from other single-byte character sets (Cyrillic,
 * {@code ISO_IR 144}) read as Latin-1 carries no such evidence and is left as it is.
 */
final class MisdecodedText {
    private static final char ESCAPE = '\u001b';
    private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");

    private MisdecodedText() {
    }

    static String repair(String text) {
        if (!fitsInOneByte(text)) {
            return text;
        }
        if (text.indexOf(ESCAPE) >= 0) {
            return decode(text, ISO_2022_JP);
        }
        if (hasHighByte(text)) {
            return decode(text, StandardCharsets.UTF_8);
        }
        return text;
    }

    private static String decode(String text, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notThatEncoding) {
            return text;
        }
    }

    private static boolean fitsInOneByte(String text) {
        return text.chars().allMatch(c -> c <= 0xFF);
    }

    private static boolean hasHighByte(String text) {
        return text.chars().anyMatch(c -> c >= 0x80);
    }
}
