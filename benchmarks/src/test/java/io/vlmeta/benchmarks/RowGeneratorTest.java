package io.vlmeta.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RowGeneratorTest {

    private static final int ROWS = 5_000;
    private static List<MetadataRow> rows;

    @BeforeAll
    static void generate() {
        RowGenerator generator = new RowGenerator(2024);
        rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(generator.next());
        }
    }

    private static List<String> column(String name) {
        int field = BenchmarkSchema.FIELDS.stream().map(BenchmarkField::name).toList().indexOf(name);
        return rows.stream().map(r -> r.value(field)).toList();
    }

    private static List<String> filled(String name) {
        return column(name).stream().filter(v -> !v.isEmpty()).toList();
    }

    @Test
    void pathsFollowTheShardLayoutOfTenThousandImagesPerFolder() {
        assertThat(RowGenerator.path(0)).isEqualTo("images/shard-0000/img-0000000.jpg");
        assertThat(RowGenerator.path(421_234)).isEqualTo("images/shard-0042/img-0421234.jpg");
        assertThat(RowGenerator.path(9_999_999)).isEqualTo("images/shard-0999/img-9999999.jpg");
        assertThat(RowGenerator.path(12_345_678)).isEqualTo("images/shard-1234/img-12345678.jpg");
    }

    @Test
    void everyFieldHasSomeEmptyCellsButMostlyValues() {
        for (BenchmarkField field : BenchmarkSchema.FIELDS) {
            long empty = column(field.name()).stream().filter(String::isEmpty).count();
            // camera is always filled; tags are empty for a fifth of the images, the others for fewer
            assertThat(empty).as(field.name()).isLessThan(ROWS / 4);
            assertThat(filled(field.name())).as(field.name()).isNotEmpty();
        }
    }

    @Test
    void datetimesComeInEveryAcceptedForm() {
        Map<String, Pattern> forms = Map.of(
                "utc", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                "offset", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:00"),
                "date only", Pattern.compile("\\d{4}-\\d\\d-\\d\\d"),
                "space separated", Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"),
                "zone-less", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"),
                "fractional", Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        Map<String, Long> counts = filled("captured_at").stream().collect(Collectors.groupingBy(
                value -> forms.entrySet().stream().filter(f -> f.getValue().matcher(value).matches())
                        .map(Map.Entry::getKey).findFirst().orElse("unexpected: " + value),
                Collectors.counting()));

        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(forms.keySet());
        assertThat(filled("captured_at")).allSatisfy(v -> assertThat(v.substring(0, 4)).isBetween("2019", "2025"));
    }

    @Test
    void floatsAreFiniteNumbersSomeInScientificNotation() {
        List<String> values = new ArrayList<>(filled("confidence"));
        values.addAll(filled("altitude_m"));

        assertThat(values).allSatisfy(v -> assertThat(new BigDecimal(v)).isBetween(new BigDecimal("-50"),
                new BigDecimal("3000")));
        assertThat(values).anySatisfy(v -> assertThat(v).contains("e"));
        assertThat(filled("altitude_m")).anySatisfy(v -> assertThat(v).startsWith("-"));
    }

    @Test
    void scientificNotationWritesTheSameMagnitude() {
        List<String> scientific = filled("altitude_m").stream().filter(v -> v.contains("e")).toList();

        assertThat(scientific).isNotEmpty().allSatisfy(v -> {
            BigDecimal tenths = new BigDecimal(v).movePointRight(1);
            assertThat(tenths.stripTrailingZeros().scale()).isLessThanOrEqualTo(0);
        });
    }

    @Test
    void enumsStayWithinTheServersLimitsWithPlausibleCardinalities() {
        Set<String> weather = new HashSet<>(filled("weather"));
        Set<String> cameras = new HashSet<>(filled("camera"));

        assertThat(weather).containsExactlyInAnyOrder("Sunny", "Cloudy", "Overcast", "Rain", "Fog", "Snow", "Night");
        assertThat(cameras).hasSizeBetween(100, RowGenerator.CAMERA_MODELS)
                .allSatisfy(c -> assertThat(c).matches("CAM-\\d{3}"));
        Map<String, Long> perCamera = filled("camera").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perCamera.get("CAM-001")).isGreaterThan(10 * perCamera.getOrDefault("CAM-120", 1L));
    }

    @Test
    void multiEnumListsAreCommaSeparatedOrJsonArraysOfKnownTags() {
        List<String> values = filled("tags");
        Pattern json = Pattern.compile("\\[\"[a-z-]+\"(, \"[a-z-]+\")*\\]");
        Pattern commas = Pattern.compile("[a-z-]+(, [a-z-]+)*");

        assertThat(values).allSatisfy(v -> assertThat(json.matcher(v).matches() || commas.matcher(v).matches())
                .as(v).isTrue());
        assertThat(values).anySatisfy(v -> assertThat(v).startsWith("["));
        assertThat(values).anySatisfy(v -> assertThat(v).doesNotStartWith("[").contains(", "));
        Set<String> tags = values.stream().flatMap(v -> Arrays.stream(v.replaceAll("[\\[\\]\"]", "").split(", ")))
                .collect(Collectors.toSet());
        assertThat(tags).isSubsetOf(RowGenerator.TAGS).hasSize(RowGenerator.TAGS.length)
                .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(20));
    }

    @Test
    void linksAreAbsoluteHttpsUrlsAndCaptionsFitTheStringLimit() {
        assertThat(filled("source_url")).allSatisfy(v -> assertThat(v)
                .matches("https://storage\\.example\\.com/captures/\\d{4}/\\d{7}\\.jpg\\?rev=[1-3]"));
        assertThat(filled("caption")).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(255))
                .anySatisfy(v -> assertThat(v).contains(","));
    }
}
