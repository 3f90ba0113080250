package io.vlmeta.sources.parquet;

import io.vlmeta.api.RawValue;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.EnumLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.JsonLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.UUIDLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Which Parquet primitive types become which {@link RawValue}s, after the Parquet format's logical
 * types (parquet-format {@code LogicalTypes.md}):
 * <ul>
 *   <li>INT32, INT64 (signed or unsigned INTEGER), FLOAT, DOUBLE and DECIMAL (on INT32, INT64, BINARY or
 *       FIXED_LEN_BYTE_ARRAY): {@link RawValue.Number}; a float keeps its shortest decimal form; NaN and
 *       infinities become the text {@code NaN}, {@code Infinity}, {@code -Infinity} for the float type to
 *       refuse by name</li>
 *   <li>BOOLEAN: the text {@code true} or {@code false}</li>
 *   <li>BINARY as STRING, ENUM or JSON, and UUID: {@link RawValue.Text}</li>
 *   <li>DATE: {@link RawValue.DateTime} at midnight without an offset</li>
 *   <li>TIMESTAMP in MILLIS, MICROS or NANOS: {@link RawValue.DateTime}, with offset UTC when
 *       {@code isAdjustedToUTC} is true (an instant) and without one when false (a wall-clock time, read
 *       in the job's time zone); INT96 (the legacy Impala and Spark timestamp): UTC</li>
 * </ul>
 * Everything else (TIME, INTERVAL, unannotated BINARY bytes, FLOAT16, BSON, ...) has no mapping.
 */
final class ParquetTypes {

    /** Julian day number of 1970-01-01, the epoch INT96 timestamps count days from. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;

    private ParquetTypes() {
    }

    /** @return the mapping for a primitive column, or {@code null} when no field type can take its values */
    static ValueMapping mappingFor(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation decimal) {
            return decimal(type, decimal.getScale());
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> logical == null ? BOOLEAN : null;
            case INT32 -> int32(logical);
            case INT64 -> int64(logical);
            case FLOAT -> logical == null ? FLOAT : null;
            case DOUBLE -> logical == null ? DOUBLE : null;
            case INT96 -> logical == null ? INT96 : null;
            case BINARY -> logical instanceof StringLogicalTypeAnnotation || logical instanceof EnumLogicalTypeAnnotation
                    || logical instanceof JsonLogicalTypeAnnotation ? TEXT : null;
            case FIXED_LEN_BYTE_ARRAY -> logical instanceof UUIDLogicalTypeAnnotation ? UUID_TEXT : null;
        };
    }

    /** @return the type as Parquet tools print it, e.g. {@code INT64 TIMESTAMP(MICROS,true)} */
    static String describe(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        String physical = type.getPrimitiveTypeName().name();
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY) {
            physical += "(" + type.getTypeLength() + ")";
        }
        return logical == null ? physical : physical + " " + logical;
    }

    private static ValueMapping int32(LogicalTypeAnnotation logical) {
        if (logical == null) {
            return INT32;
        }
        if (logical instanceof IntLogicalTypeAnnotation integer) {
            return integer.isSigned() ? INT32 : UINT32;
        }
        return logical instanceof DateLogicalTypeAnnotation ? DATE : null;
    }

    private static ValueMapping int64(LogicalTypeAnnotation logical) {
        if (logical == null) {
            return INT64;
        }
        if (logical instanceof IntLogicalTypeAnnotation integer) {
            return integer.isSigned() ? INT64 : UINT64;
        }
        if (logical instanceof TimestampLogicalTypeAnnotation timestamp) {
            return new Timestamp(timestamp.getUnit(), timestamp.isAdjustedToUTC());
        }
        return null;
    }

    private static ValueMapping decimal(PrimitiveType type, int scale) {
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> new NumberMapping() {
                @Override
                public RawValue ofInt(int value) {
                    return new RawValue.Number(BigDecimal.valueOf(value, scale));
                }
            };
            case INT64 -> new NumberMapping() {
                @Override
                public RawValue ofLong(long value) {
                    return new RawValue.Number(BigDecimal.valueOf(value, scale));
                }
            };
            // big-endian two's complement unscaled value
            case BINARY, FIXED_LEN_BYTE_ARRAY -> new NumberMapping() {
                @Override
                public RawValue ofBinary(Binary value) {
                    return new RawValue.Number(new BigDecimal(new BigInteger(value.getBytes()), scale));
                }
            };
            default -> null;
        };
    }

    /** Numbers: {@code --infer} can take them as floats without reading every value. */
    private abstract static class NumberMapping implements ValueMapping {
        @Override
        public String suggestedType() {
            return "float";
        }
    }

    private static final ValueMapping INT32 = new NumberMapping() {
        @Override
        public RawValue ofInt(int value) {
            return new RawValue.Number(BigDecimal.valueOf(value));
        }
    };

    private static final ValueMapping UINT32 = new NumberMapping() {
        @Override
        public RawValue ofInt(int value) {
            return new RawValue.Number(BigDecimal.valueOf(Integer.toUnsignedLong(value)));
        }
    };

    private static final ValueMapping INT64 = new NumberMapping() {
        @Override
        public RawValue ofLong(long value) {
            return new RawValue.Number(BigDecimal.valueOf(value));
        }
    };

    private static final ValueMapping UINT64 = new NumberMapping() {
        @Override
        public RawValue ofLong(long value) {
            return new RawValue.Number(new BigDecimal(new BigInteger(Long.toUnsignedString(value))));
        }
    };

    private static final ValueMapping FLOAT = new NumberMapping() {
        @Override
        public RawValue ofFloat(float value) {
            // Float.toString is the shortest text that reads back as this float: 0.1f stays 0.1
            return Float.isFinite(value) ? new RawValue.Number(new BigDecimal(Float.toString(value)).stripTrailingZeros())
                    : new RawValue.Text(Float.toString(value));
        }
    };

    private static final ValueMapping DOUBLE = new NumberMapping() {
        @Override
        public RawValue ofDouble(double value) {
            return Double.isFinite(value) ? RawValue.Number.ofDouble(value) : new RawValue.Text(Double.toString(value));
        }
    };

    private static final ValueMapping BOOLEAN = new ValueMapping() {
        @Override
        public RawValue ofBoolean(boolean value) {
            return new RawValue.Text(value ? "true" : "false");
        }
    };

    private static final ValueMapping TEXT = new ValueMapping() {
        @Override
        public boolean isText() {
            return true;
        }

        @Override
        public RawValue ofBinary(Binary value) {
            return new RawValue.Text(value.toStringUsingUTF8());
        }
    };

    private static final ValueMapping UUID_TEXT = new ValueMapping() {
        @Override
        public RawValue ofBinary(Binary value) {
            ByteBuffer bytes = value.toByteBuffer();
            return new RawValue.Text(new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8))
                    .toString());
        }
    };

    private static final ValueMapping DATE = new ValueMapping() {
        @Override
        public String suggestedType() {
            return "datetime";
        }

        @Override
        public RawValue ofInt(int daysSinceEpoch) {
            return new RawValue.DateTime(LocalDate.ofEpochDay(daysSinceEpoch).atStartOfDay(), null);
        }
    };

    /** 12 bytes, little-endian: nanoseconds of the day (8), then the Julian day number (4). */
    private static final ValueMapping INT96 = new ValueMapping() {
        @Override
        public String suggestedType() {
            return "datetime";
        }

        @Override
        public RawValue ofBinary(Binary value) {
            ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanosOfDay = bytes.getLong(bytes.position());
            long julianDay = Integer.toUnsignedLong(bytes.getInt(bytes.position() + 8));
            LocalDateTime utc = LocalDate.ofEpochDay(julianDay - JULIAN_DAY_OF_EPOCH).atStartOfDay()
                    .plusNanos(nanosOfDay);
            return new RawValue.DateTime(utc, ZoneOffset.UTC);
        }
    };

    /** INT64 TIMESTAMP: a count of units since 1970-01-01T00:00, in UTC or on a wall clock. */
    private record Timestamp(LogicalTypeAnnotation.TimeUnit unit, boolean adjustedToUtc) implements ValueMapping {

        @Override
        public String suggestedType() {
            return "datetime";
        }

        @Override
        public RawValue ofLong(long value) {
            long perSecond = switch (unit) {
                case MILLIS -> 1_000L;
                case MICROS -> 1_000_000L;
                case NANOS -> 1_000_000_000L;
            };
            long seconds = Math.floorDiv(value, perSecond);
            long nanos = Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond);
            LocalDateTime dateTime = LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
            return new RawValue.DateTime(dateTime, adjustedToUtc ? ZoneOffset.UTC : null);
        }
    }
}
