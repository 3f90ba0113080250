package io.vlmeta.sources.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The four bytes {@code PAR1} a Parquet file starts and ends with. parquet-java checks only the end, where the
 * footer is; the start tells a Parquet file whose end was lost (a copy or download cut short) from a file that
 * was never Parquet.
 */
final class ParquetMagic {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

    private ParquetMagic() {
    }

    /** @return whether the file's first bytes are {@code PAR1}; false when it cannot be read */
    static boolean startsWithIt(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
