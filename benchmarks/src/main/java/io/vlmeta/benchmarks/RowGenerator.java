package io.vlmeta.benchmarks;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates realistic metadata rows for the {@link BenchmarkSchema} fields, the same rows for the same
 * seed. Every value is one vlmeta accepts, so a generated file validates cleanly: the scale runs measure
 * the full path, not the error path.
 *
 * <p>The mix follows what real exports hold: a few percent of empty cells, floats in plain and scientific
 * notation, datetimes in every accepted form (UTC, offsets, date only, space-separated, fractional
 * seconds), a small and a medium enum, multi-enum lists comma-separated and as JSON arrays.
 */
public final class RowGenerator {

    /** Images per shard folder, as in {@code images/shard-0042/img-0421234.jpg}. */
    static final int IMAGES_PER_SHARD = 10_000;

    static final int CAMERA_MODELS = 120;

    private static final String[] WEATHER = {"Sunny", "Cloudy", "Overcast", "Rain", "Fog", "Snow", "Night"};
    private static final int[] WEATHER_WEIGHTS = {35, 25, 15, 12, 6, 4, 3};

    static final String[] TAGS = {
        "person", "car", "bicycle", "truck", "bus", "motorcycle", "traffic-light", "stop-sign", "dog", "cat",
        "bird", "horse", "tree", "building", "road", "sidewalk", "crosswalk", "bridge", "tunnel", "parking-lot",
        "blurry", "overexposed", "underexposed", "occluded", "cropped", "duplicate", "low-contrast", "motion-blur",
        "night-shot", "rain-drops", "glare", "fog", "snow", "reviewed", "needs-review", "train-split",
        "val-split", "test-split", "hard-negative", "edge-case", "label-noise", "synthetic", "indoor",
        "outdoor", "urban", "rural", "highway", "intersection"};

    private static final String[] ADJECTIVES = {"Busy", "Quiet", "Empty", "Crowded", "Wet", "Sunlit", "Dim",
        "Narrow", "Wide", "Snowy"};
    private static final String[] SCENES = {"street", "intersection", "parking lot", "highway ramp", "market",
        "crosswalk", "bridge", "tunnel entrance", "school zone", "bus stop"};
    private static final String[] OBJECTS = {"pedestrians", "cars", "cyclists", "trucks", "buses", "dogs",
        "traffic cones", "parked scooters"};

    // 2019-01-01T00:00:00Z to 2025-12-31T23:59:59Z
    private static final long FIRST_SECOND = 1_546_300_800L;
    private static final long SPAN_SECONDS = 1_767_225_599L - FIRST_SECOND;

    private final SplittableRandom random;
    private long index;

    /** @param seed the seed; the same seed gives the same rows */
    public RowGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return the next row; the first is image 0 */
    public MetadataRow next() {
        long image = index++;
        String path = path(image);
        List<String> values = new ArrayList<>(BenchmarkSchema.FIELDS.size());
        values.add(caption());
        values.add(confidence());
        values.add(altitude());
        values.add(capturedAt());
        values.add(weather());
        values.add(camera());
        values.add(tags());
        values.add(sourceUrl(image));
        return new MetadataRow(path, mediaId(), values);
    }

    /**
     * @param image the image number, from 0
     * @return its path, e.g. {@code images/shard-0042/img-0421234.jpg}
     */
    public static String path(long image) {
        StringBuilder path = new StringBuilder(36).append("images/shard-");
        pad(path, image / IMAGES_PER_SHARD, 4);
        path.append("/img-");
        pad(path, image, 7);
        return path.append(".jpg").toString();
    }

    private String mediaId() {
        // a version 4 UUID, as the server assigns, but drawn from the seeded stream
        long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    private String caption() {
        if (random.nextInt(100) < 2) {
            return "";
        }
        StringBuilder caption = new StringBuilder(64)
                .append(pick(ADJECTIVES)).append(' ').append(pick(SCENES))
                .append(" with ").append(1 + random.nextInt(30)).append(' ').append(pick(OBJECTS));
        if (random.nextInt(4) == 0) {
            caption.append(", seen from camera ").append(1 + random.nextInt(CAMERA_MODELS));
        }
        return caption.toString();
    }

    private String confidence() {
        int draw = random.nextInt(100);
        if (draw < 3) {
            return "";
        }
        if (draw < 5) {
            return draw == 3 ? "0" : "1";
        }
        StringBuilder value = new StringBuilder(6).append("0.");
        pad(value, random.nextInt(10_000), 4);
        return value.toString();
    }

    private String altitude() {
        int draw = random.nextInt(100);
        if (draw < 5) {
            return "";
        }
        int tenths = random.nextInt(30_500) - 500;
        if (draw < 10) {
            // the same magnitude written in scientific notation: 1234.5 -> 1.2345e3
            return scientific(tenths);
        }
        String sign = tenths < 0 ? "-" : "";
        int magnitude = Math.abs(tenths);
        return sign + magnitude / 10 + "." + magnitude % 10;
    }

    private static String scientific(int tenths) {
        String digits = Integer.toString(Math.abs(tenths));
        if (tenths == 0) {
            return "0e0";
        }
        String sign = tenths < 0 ? "-" : "";
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (digits.length() - 2);
    }

    private String capturedAt() {
        int form = random.nextInt(20);
        if (form == 0) {
            return "";
        }
        LocalDateTime time = LocalDateTime.ofEpochSecond(FIRST_SECOND + random.nextLong(SPAN_SECONDS), 0,
                ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(25);
        date(text, time);
        if (form <= 8) {
            return clock(text.append('T'), time).append('Z').toString();
        }
        if (form <= 11) {
            int offsetHours = random.nextInt(25) - 12;
            clock(text.append('T'), time).append(offsetHours < 0 ? '-' : '+');
            pad(text, Math.abs(offsetHours), 2);
            return text.append(":00").toString();
        }
        if (form <= 13) {
            return text.toString();
        }
        if (form <= 16) {
            return clock(text.append(' '), time).toString();
        }
        if (form <= 18) {
            return clock(text.append('T'), time).toString();
        }
        clock(text.append('T'), time).append('.');
        pad(text, random.nextInt(1000), 3);
        return text.append('Z').toString();
    }

    private static void date(StringBuilder text, LocalDateTime time) {
        text.append(time.getYear()).append('-');
        pad(text, time.getMonthValue(), 2);
        text.append('-');
        pad(text, time.getDayOfMonth(), 2);
    }

    private static StringBuilder clock(StringBuilder text, LocalDateTime time) {
        pad(text, time.getHour(), 2);
        text.append(':');
        pad(text, time.getMinute(), 2);
        text.append(':');
        pad(text, time.getSecond(), 2);
        return text;
    }

    private String weather() {
        int draw = random.nextInt(101);
        if (draw == 100) {
            return "";
        }
        for (int i = 0; i < WEATHER.length; i++) {
            draw -= WEATHER_WEIGHTS[i];
            if (draw < 0) {
                return WEATHER[i];
            }
        }
        throw new IllegalStateException("weather weights must add up to 100");
    }

    private String camera() {
        // skewed: a few models take most images, as in a real fleet
        int model = random.nextInt(random.nextInt(CAMERA_MODELS) + 1);
        StringBuilder name = new StringBuilder(7).append("CAM-");
        pad(name, model + 1, 3);
        return name.toString();
    }

    private String tags() {
        int count = random.nextInt(5);
        if (count == 0) {
            return "";
        }
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(pick(TAGS));
        }
        if (random.nextInt(5) == 0) {
            StringBuilder json = new StringBuilder("[");
            for (String tag : chosen) {
                json.append(json.length() == 1 ? "\"" : ", \"").append(tag).append('"');
            }
            return json.append(']').toString();
        }
        return String.join(", ", chosen);
    }

    private String sourceUrl(long image) {
        if (random.nextInt(10) == 0) {
            return "";
        }
        StringBuilder url = new StringBuilder(64).append("https://storage.example.com/captures/");
        pad(url, image / IMAGES_PER_SHARD, 4);
        url.append('/');
        pad(url, image, 7);
        return url.append(".jpg?rev=").append(1 + random.nextInt(3)).toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static void pad(StringBuilder text, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
