package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlmeta.api.ParseResult;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.UtcDateTimes;
import io.vlmeta.api.ValueParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values a strict server refuses (or could not store as sent) are refused before anything is sent,
 * each with what would be accepted: a field whose other values were uploaded stays half-filled for good.
 */
class ServerRefusalsTest {

    private static final String EMOJI = "\uD83D\uDE00";
    private static final String SURROGATE_ADVICE = "remove it (half of a character such as an emoji; UTF-8 text, "
            + "which the server stores, cannot hold it).";

    private final ValueParser strings = new StringFieldType().parser(Settings.defaults());
    private final ValueParser enums = new EnumFieldType().parser(Settings.defaults());
    private final ValueParser multiEnums = new MultiEnumFieldType().parser(Settings.defaults());
    private final ValueParser links = new LinkFieldType().parser(Settings.defaults());
    private final ValueParser floats = new FloatFieldType().parser(Settings.defaults());
    private final ValueParser datetimes = new DatetimeFieldType().parser(Settings.defaults());

    @Test
    void refusesAnUnpairedSurrogateInEveryTextTypeNamingItsPosition() {
        assertThat(strings.parse(RawValue.text("ab\uD800c"))).isEqualTo(
                ParseResult.invalid("Holds unpaired surrogate U+D800 at position 3; " + SURROGATE_ADVICE));
        assertThat(strings.parse(RawValue.text(EMOJI + "\uDE00"))).isEqualTo(
                ParseResult.invalid("Holds unpaired surrogate U+DE00 at position 2; " + SURROGATE_ADVICE));
        assertThat(strings.parse(RawValue.text("end\uD83D"))).isEqualTo(
                ParseResult.invalid("Holds unpaired surrogate U+D83D at position 4; " + SURROGATE_ADVICE));
        assertThat(enums.parse(RawValue.text("\uDC00x"))).isEqualTo(
                ParseResult.invalid("Holds unpaired surrogate U+DC00 at position 1; " + SURROGATE_ADVICE));
        assertThat(links.parse(RawValue.text("https://example.com/\uDFFF"))).isEqualTo(
                ParseResult.invalid("Holds unpaired surrogate U+DFFF at position 21; " + SURROGATE_ADVICE));
        assertThat(multiEnums.parse(RawValue.text("a, b\uD800"))).isEqualTo(
                ParseResult.invalid("Holds unpaired surrogate U+D800 at position 5; " + SURROGATE_ADVICE));
    }

    @Test
    void refusesAnUnpairedSurrogateThatAJsonEscapeOrAListCellCarriesIntoAMultiEnumItem() {
        assertThat(multiEnums.parse(RawValue.text("[\"x\", \"y\\udc00\"]"))).isEqualTo(
                ParseResult.invalid("Item 2 holds unpaired surrogate U+DC00 at position 2; " + SURROGATE_ADVICE));
        assertThat(multiEnums.parse(new RawValue.ListValue(List.of(RawValue.text("\uD800"))))).isEqualTo(
                ParseResult.invalid("Item 1 holds unpaired surrogate U+D800 at position 1; " + SURROGATE_ADVICE));
    }

    @Test
    void acceptsPairedSurrogatesNoncharactersAndTheByteOrderMarkAsWritten() {
        for (String text : List.of(EMOJI, "\uDBFF\uDFFF", "\uFFFE\uFFFF", "\uFEFFx", "\uD834\uDD1E")) {
            assertThat(strings.parse(RawValue.text(text))).as(text).isEqualTo(ParseResult.of(text));
            assertThat(enums.parse(RawValue.text(text))).as(text).isEqualTo(ParseResult.of(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-400", "-1E-325", "2.4703282292062327e-324", "0.1e-323", "1e-2147483649",
        "12345678901234567890e-99999999999"})
    void refusesANumberOtherThanZeroThatAFloatWouldHoldAsZero(String written) {
        assertThat(floats.parse(RawValue.text(written))).isEqualTo(ParseResult.invalid("Invalid float value '"
                + written + "'. Must be 0 or at least 4.9E-324 in magnitude, the smallest a float holds."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.9e-324", "2.4703282292062328e-324", "-5e-324", "0e-400", "0.000", "-0"})
    void acceptsZeroAndTheSmallestNumbersAFloatHolds(String written) {
        assertThat(floats.parse(RawValue.text(written))).isInstanceOf(ParseResult.Value.class);
    }

    @Test
    void refusesANumberCellThatAFloatWouldHoldAsZero() {
        assertThat(floats.parse(new RawValue.Number(new BigDecimal("1E-400")))).isEqualTo(ParseResult.invalid(
                "Invalid float value '0." + "0".repeat(98) + "...'. Must be 0 or at least 4.9E-324 in magnitude, the"
                        + " smallest a float holds."));
    }

    @Test
    void refusesANumberSentWithMoreDigitsThanAJsonReaderTakes() {
        String digits = "0." + "1".repeat(1100);

        assertThat(floats.parse(RawValue.text(digits))).isEqualTo(ParseResult.invalid("Invalid float value '0."
                + "1".repeat(98) + "...'. Has 1101 digits, exceeds limit of 1000 (a float keeps 17 significant digits)."));
        assertThat(floats.parse(new RawValue.Number(new BigDecimal("-1." + "0".repeat(999) + "1"))))
                .isInstanceOf(ParseResult.Invalid.class);
    }

    @Test
    void countsTheDigitsOfTheNumberAsSentExponentIncluded() {
        String atLimit = "-1." + "0".repeat(998) + "1";
        String atLimitWithExponent = "1." + "0".repeat(995) + "1E-300";
        String overWithExponent = "1." + "0".repeat(996) + "1E-300";

        assertThat(floats.parse(RawValue.text(atLimit))).isEqualTo(ParseResult.of(new BigDecimal(atLimit)));
        assertThat(floats.parse(RawValue.text(atLimitWithExponent)))
                .isEqualTo(ParseResult.of(new BigDecimal(atLimitWithExponent)));
        assertThat(floats.parse(RawValue.text(overWithExponent))).isInstanceOf(ParseResult.Invalid.class);
    }

    @Test
    void acceptsALinkOfEightThousandBytesInUtf8AndRefusesOneByteMore() {
        String ascii = "https://example.com/" + "a".repeat(8000 - 20);
        String twoByte = "https://example.com/?q=" + "\u00E9".repeat(3988);

        assertThat(links.parse(RawValue.text(ascii))).isEqualTo(ParseResult.of(ascii));
        assertThat(links.parse(RawValue.text(ascii + "a"))).isInstanceOf(ParseResult.Invalid.class);
        assertThat(twoByte.getBytes(StandardCharsets.UTF_8)).hasSize(7999);
        assertThat(links.parse(RawValue.text(twoByte))).isEqualTo(ParseResult.of(twoByte));
        assertThat(links.parse(RawValue.text(twoByte + "\u00E9"))).isInstanceOf(ParseResult.Invalid.class);
    }

    @Test
    void refusesALinkOneByteOverTheLimitSayingHowLongItIs() {
        String over = "https://example.com/" + EMOJI.repeat(1995);

        ParseResult result = links.parse(RawValue.text(over));

        assertThat(over.getBytes(StandardCharsets.UTF_8)).hasSize(8000);
        assertThat(result).isEqualTo(ParseResult.of(over));
        assertThat(links.parse(RawValue.text(over + "a"))).isEqualTo(ParseResult.invalid("Invalid link '"
                + Quoted.value(over + "a") + "'. Has 8001 bytes in UTF-8, exceeds limit of 8000 (the length RFC 9110"
                + " asks every server to accept)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:59:59-01:00",
        "2016-12-31T23:59:60Z", "2024-01-15T24:00:00", "2024-01-15T10:30:00+18:01", "10000-01-01", "-0001-01-01"})
    void refusesDatetimesOutsideTheFormTheServerTakes(String written) {
        assertThat(datetimes.parse(RawValue.text(written))).isInstanceOf(ParseResult.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-01-15T10:30:00+15:00",
        "2024-01-15T10:30:00-18:00", "2024-01-15t10:30:00.1234567891234z", "2024-02-29", "1969-12-31 23:59:59.999"})
    void sendsEveryDatetimeItAcceptsInTheOneFormTheServerTakes(String written) {
        ParseResult result = datetimes.parse(RawValue.text(written));

        assertThat(result).isInstanceOf(ParseResult.Value.class);
        assertThat(UtcDateTimes.epochSecond((String) ((ParseResult.Value) result).json()))
                .isNotEqualTo(UtcDateTimes.NOT_CANONICAL);
    }

    @Test
    void keepsControlCharacterRefusalsWordedAsBefore() {
        ParseResult result = enums.parse(RawValue.text("a\u0000"));

        assertThat(result).isEqualTo(new ParseResult.Invalid(ProblemCategory.VALUE, "Holds control character U+0000"
                + " at position 2; remove it (many stores cannot hold U+0000 and invisible characters make two values"
                + " look alike)."));
    }
}
