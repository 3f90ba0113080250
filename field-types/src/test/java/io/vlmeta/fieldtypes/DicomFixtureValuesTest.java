package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vlmeta.api.ParseResult;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.ValueParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values that pydicom read from real DICOM files (fixtures/dicom/expected.json), through the field types. */
class DicomFixtureValuesTest {

    private static JsonNode images;

    @BeforeAll
    static void readExpectedValues() throws IOException {
        images = new ObjectMapper().readTree(SharedFixtures.file("dicom/expected.json").toFile());
    }

    @Test
    void readsDicomDatesThroughAnExplicitPattern() {
        ValueParser compactDate = new DatetimeFieldType().parser(Settings.timezone("UTC", "uuuuMMdd"));
        List<String> dates = values("StudyDate");

        assertThat(compactDate.parse(RawValue.text(images.get("CT_small").get("StudyDate").asText())))
                .isEqualTo(ParseResult.of("2004-01-19T00:00:00Z"));
        assertThat(dates).hasSizeGreaterThan(3).allSatisfy(date -> assertThat(compactDate.parse(RawValue.text(date)))
                .isEqualTo(ParseResult.of(date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6)
                        + "T00:00:00Z")));
    }

    @Test
    void readsADicomDateAndTimeJoinedThroughAnExplicitPattern() {
        ValueParser dateAndTime = new DatetimeFieldType().parser(Settings.timezone("Europe/Berlin", "uuuuMMddHHmmss"));
        JsonNode ct = images.get("CT_small");

        assertThat(dateAndTime.parse(RawValue.text(ct.get("StudyDate").asText() + ct.get("StudyTime").asText())))
                .isEqualTo(ParseResult.of("2004-01-19T06:27:30Z"));
    }

    @Test
    void neverGuessesADicomDateWithoutAPattern() {
        ValueParser iso = new DatetimeFieldType().parser(Settings.defaults());

        assertThat(iso.parse(RawValue.text(images.get("CT_small").get("StudyDate").asText())))
                .isEqualTo(ParseResult.invalid("Invalid datetime format '20040119'. "
                        + "Expected ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ or YYYY-MM-DD"));
    }

    @Test
    void keepsTheDigitsOfDicomDecimalStrings() {
        ValueParser floats = new FloatFieldType().parser(Settings.defaults());
        List<String> decimals = new ArrayList<>();
        decimals.addAll(values("SliceThickness"));
        decimals.addAll(values("WindowCenter"));
        decimals.addAll(values("WindowWidth"));

        assertThat(decimals).contains("5.000000", "0.8000").allSatisfy(decimal -> {
            ParseResult result = floats.parse(RawValue.text(decimal));
            assertThat(((ParseResult.Value) result).json().toString()).isEqualTo(decimal.strip());
        });
    }

    @Test
    void refusesADescriptionThatOnlyLooksLikeAnExponent() {
        ValueParser floats = new FloatFieldType().parser(Settings.defaults());

        assertThat(floats.parse(RawValue.text(images.get("CT_small").get("StudyDescription").asText())))
                .isEqualTo(ParseResult.invalid("Invalid float value 'e+1'. Must be a valid number."));
    }

    @Test
    void refusesPythonListTextAsAMultiEnumValue() {
        ValueParser multiEnum = new MultiEnumFieldType().parser(Settings.defaults());

        assertThat(values("PixelSpacing")).isNotEmpty().allSatisfy(text -> assertThat(multiEnum.parse(RawValue.text(text)))
                .isEqualTo(ParseResult.invalid("Invalid multi-enum value '" + text
                        + "'. Use comma-separated values or a JSON array of strings")));
    }

    @Test
    void sendsPatientNamesInAnyScriptAsStrings() {
        ValueParser strings = new StringFieldType().parser(Settings.defaults());

        assertThat(values("PatientName")).anySatisfy(name -> assertThat(name).matches(".*[^\\x00-\\x7F].*"))
                .allSatisfy(name -> assertThat(strings.parse(RawValue.text(name))).isEqualTo(ParseResult.of(name.strip())));
    }

    @Test
    void refusesADescriptionTooLongForAnEnumOption() {
        ValueParser enums = new EnumFieldType().parser(Settings.defaults());

        assertThat(enums.parse(RawValue.text(images.get("reportsi").get("StudyDescription").asText())))
                .isEqualTo(new ParseResult.Invalid(ProblemCategory.ENUM_CONSTRAINT, "Invalid enum value "
                        + "'OFFIS Structured Reporting Templates'. Has 36 characters, exceeds limit of 20"));
    }

    @Test
    void readsTheConverterTimestampDroppingItsMicroseconds() throws IOException {
        List<String> lines = Files.readAllLines(SharedFixtures.file("dicom/converter-csv/dicom_metadata.csv"),
                StandardCharsets.UTF_8);
        ValueParser datetimes = new DatetimeFieldType().parser(Settings.defaults());

        assertThat(lines.get(0)).endsWith(",conversion_timestamp");
        assertThat(lines.subList(1, lines.size())).hasSize(12).allSatisfy(line -> assertThat(
                datetimes.parse(RawValue.text(line.substring(line.lastIndexOf(',') + 1))))
                .isEqualTo(ParseResult.of("2025-06-01T12:00:00Z")));
    }

    private static List<String> values(String attribute) {
        List<String> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = images.fields(); it.hasNext(); ) {
            JsonNode value = it.next().getValue().get(attribute);
            if (value != null && !value.isNull()) {
                values.add(value.asText());
            }
        }
        return values;
    }
}
