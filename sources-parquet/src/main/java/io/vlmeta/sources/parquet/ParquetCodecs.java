package io.vlmeta.sources.parquet;

import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;

/**
 * Page decompression in pure Java (aircompressor for Snappy, ZSTD and LZ4_RAW; the JDK for GZIP). It
 * replaces parquet-java's default codec factory, which builds a Hadoop {@code Configuration} and loads
 * Hadoop codec classes: with this one a read never touches Hadoop's runtime or native libraries. Read
 * only; codecs outside the Parquet format's common set (LZO, BROTLI, the Hadoop-framed LZ4) are refused
 * with a message naming them.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Block(null, codec);
            case SNAPPY -> new Block(new SnappyDecompressor(), codec);
            case ZSTD -> new Block(new ZstdDecompressor(), codec);
            case LZ4_RAW -> new Block(new Lz4Decompressor(), codec);
            case GZIP -> new Gzip();
            default -> throw new UnsupportedCodecException(codec);
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("this factory only reads");
    }

    @Override
    public void release() {
        // nothing pooled
    }

    /** A page compressed with a codec this reader does not have. */
    static final class UnsupportedCodecException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CompressionCodecName codec;

        UnsupportedCodecException(CompressionCodecName codec) {
            super("unsupported compression " + codec);
            this.codec = codec;
        }

        CompressionCodecName codec() {
            return codec;
        }
    }

    /** A stateless decompressor of whole pages, whose buffer form goes through its {@link BytesInput} form. */
    private interface PageDecompressor extends BytesInputDecompressor {

        @Override
        default void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(decompress(BytesInput.from(in), uncompressedSize).toByteBuffer());
        }

        @Override
        default void release() {
            // stateless
        }
    }

    /** A block codec that knows the page's uncompressed size up front. */
    private record Block(Decompressor decompressor, CompressionCodecName codec) implements PageDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (decompressor == null) {
                return bytes;
            }
            byte[] input = bytes.toByteArray();
            byte[] output = new byte[uncompressedSize];
            try {
                int written = decompressor.decompress(input, 0, input.length, output, 0, uncompressedSize);
                if (written != uncompressedSize) {
                    throw new IOException(codec + " page decompressed to " + written + " bytes, expected "
                            + uncompressedSize);
                }
            } catch (MalformedInputException e) {
                throw new IOException("damaged " + codec + " page: " + e.getMessage(), e);
            }
            return BytesInput.from(output);
        }
    }

    private static final class Gzip implements PageDecompressor {

        @Override
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            try (InputStream in = new GZIPInputStream(bytes.toInputStream())) {
                byte[] output = in.readNBytes(uncompressedSize);
                if (output.length != uncompressedSize) {
                    throw new IOException("GZIP page decompressed to " + output.length + " bytes, expected "
                            + uncompressedSize);
                }
                return BytesInput.from(output);
            }
        }
    }
}
