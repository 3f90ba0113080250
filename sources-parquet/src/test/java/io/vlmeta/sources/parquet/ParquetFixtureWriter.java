package io.vlmeta.sources.parquet;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes {@code fixtures/timestamps-parquet-java.parquet} with parquet-java's own writer: the timestamp
 * shapes DuckDB does not write (UTC-adjusted MILLIS and NANOS, INT96). Run from the repository root:
 * {@code java -cp "$(cat cp.txt):sources-parquet/target/test-classes" io.vlmeta.sources.parquet.ParquetFixtureWriter
 * sources-parquet/src/test/resources/fixtures/timestamps-parquet-java.parquet}, with {@code cp.txt} from
 * {@code mvn -pl sources-parquet dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}.
 */
public final class ParquetFixtureWriter {

    private static final String SCHEMA = """
            message spark_schema {
              required binary file_fullpath (STRING);
              optional int64 utc_ms (TIMESTAMP(MILLIS,true));
              optional int64 utc_us (TIMESTAMP(MICROS,true));
              optional int64 utc_ns (TIMESTAMP(NANOS,true));
              optional int64 local_ms (TIMESTAMP(MILLIS,false));
              optional int64 local_us (TIMESTAMP(MICROS,false));
              optional int64 local_ns (TIMESTAMP(NANOS,false));
              optional int96 spark_ts;
              optional group legacy_tags (LIST) {
                repeated binary array (UTF8);
              }
            }
            """;

    private ParquetFixtureWriter() {
    }

    public static void main(String[] args) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(SCHEMA);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Instant instant = Instant.parse("2024-01-15T10:30:00.123456789Z");
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.5Z");
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(Path.of(args[0])))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (Instant at : new Instant[] {instant, beforeEpoch}) {
                long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
                Group row = groups.newGroup()
                        .append("file_fullpath", at.equals(instant) ? "images/a.jpg" : "images/b.jpg")
                        .append("utc_ms", Math.floorDiv(nanos, 1_000_000L))
                        .append("utc_us", Math.floorDiv(nanos, 1_000L))
                        .append("utc_ns", nanos)
                        .append("local_ms", Math.floorDiv(nanos, 1_000_000L))
                        .append("local_us", Math.floorDiv(nanos, 1_000L))
                        .append("local_ns", nanos)
                        .append("spark_ts", int96(at));
                Group tags = row.addGroup("legacy_tags");
                tags.append("array", "x");
                tags.append("array", "y");
                writer.write(row);
            }
            writer.write(groups.newGroup().append("file_fullpath", "images/c.jpg"));
        }
    }

    /** Spark's and Impala's layout: nanoseconds of the day, then the Julian day number, little-endian. */
    private static Binary int96(Instant at) {
        long epochDay = Math.floorDiv(at.getEpochSecond(), 86_400L);
        long nanosOfDay = Math.floorMod(at.getEpochSecond(), 86_400L) * 1_000_000_000L + at.getNano();
        ByteBuffer bytes = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(nanosOfDay).putInt((int) (LocalDate.ofEpochDay(epochDay).toEpochDay() + 2_440_588L));
        return Binary.fromConstantByteArray(bytes.array());
    }
}
