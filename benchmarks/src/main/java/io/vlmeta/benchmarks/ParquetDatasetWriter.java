package io.vlmeta.benchmarks;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes the metadata as a Snappy-compressed Parquet file with parquet-java, typed as a dataframe would
 * type it: DOUBLE for the float columns, TIMESTAMP(MICROS, UTC) for {@code captured_at}, a LIST of
 * STRING for {@code tags}, STRING for the rest; empty cells are nulls. Row groups of 16 MiB, about
 * 100,000 rows here, like DuckDB's default of 122,880 rows.
 */
public final class ParquetDatasetWriter implements DatasetWriter {

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType("""
            message metadata {
              required binary file_fullpath (STRING);
              optional binary caption (STRING);
              optional double confidence;
              optional double altitude_m;
              optional int64 captured_at (TIMESTAMP(MICROS,true));
              optional binary weather (STRING);
              optional binary camera (STRING);
              optional group tags (LIST) {
                repeated group list {
                  optional binary element (STRING);
                }
              }
              optional binary source_url (STRING);
            }
            """);

    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);

    /**
     * @param file the file to create or replace
     * @throws IOException when it cannot be created
     */
    public ParquetDatasetWriter(Path file) throws IOException {
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCodecFactory(new SnappyOnly())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(16L * 1024 * 1024)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    @Override
    public void write(MetadataRow row) throws IOException {
        Group group = groups.newGroup().append(BenchmarkSchema.KEY_COLUMN, row.path());
        for (int i = 0; i < BenchmarkSchema.FIELDS.size(); i++) {
            String cell = row.value(i);
            if (cell.isEmpty()) {
                continue;
            }
            BenchmarkField field = BenchmarkSchema.FIELDS.get(i);
            switch (field.type()) {
                case "float" -> group.append(field.name(), Double.parseDouble(cell));
                case "datetime" -> {
                    Instant at = TypedCells.instant(cell);
                    group.append(field.name(), Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L),
                            at.getNano() / 1_000L));
                }
                case "multi-enum" -> {
                    Group list = group.addGroup(field.name());
                    for (String tag : TypedCells.tags(cell)) {
                        list.addGroup("list").append("element", tag);
                    }
                }
                default -> group.append(field.name(), cell);
            }
        }
        writer.write(group);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /**
     * Snappy pages compressed in pure Java: parquet-java's own codec factory would build a Hadoop
     * configuration and load Hadoop codecs.
     */
    private static final class SnappyOnly implements CompressionCodecFactory {
        @Override
        public BytesInputCompressor getCompressor(CompressionCodecName codec) {
            if (codec != CompressionCodecName.SNAPPY) {
                throw new UnsupportedOperationException(codec.name());
            }
            return new BytesInputCompressor() {
                private final SnappyCompressor snappy = new SnappyCompressor();

                @Override
                public BytesInput compress(BytesInput bytes) throws IOException {
                    byte[] input = bytes.toByteArray();
                    byte[] output = new byte[snappy.maxCompressedLength(input.length)];
                    int written = snappy.compress(input, 0, input.length, output, 0, output.length);
                    return BytesInput.from(Arrays.copyOf(output, written));
                }

                @Override
                public CompressionCodecName getCodecName() {
                    return CompressionCodecName.SNAPPY;
                }

                @Override
                public void release() {
                    // stateless
                }
            };
        }

        @Override
        public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
            return new BytesInputDecompressor() {
                @Override
                public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                    byte[] input = bytes.toByteArray();
                    byte[] output = new byte[uncompressedSize];
                    try {
                        new SnappyDecompressor().decompress(input, 0, input.length, output, 0, uncompressedSize);
                    } catch (MalformedInputException e) {
                        throw new IOException(e);
                    }
                    return BytesInput.from(output);
                }

                @Override
                public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                        throws IOException {
                    byte[] in = new byte[compressedSize];
                    input.get(in);
                    output.put(decompress(BytesInput.from(in), uncompressedSize).toByteBuffer());
                }

                @Override
                public void release() {
                    // stateless
                }
            };
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
