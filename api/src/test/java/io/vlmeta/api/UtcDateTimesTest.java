package io.vlmeta.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UtcDateTimesTest {

    /** The fast reading, when it reads a text at all, is Instant.parse's, and the date is the instant's UTC date. */
    private static void assertReadsAsInstantParse(String text) {
        long second = UtcDateTimes.epochSecond(text);
        if (second == UtcDateTimes.NOT_CANONICAL) {
            return;
        }
        Instant instant = Instant.parse(text);
        assertThat(second).as(text).isEqualTo(instant.getEpochSecond());
        assertThat(instant.getNano()).as(text).isZero();
        LocalDate date = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        assertThat(UtcDateTimes.dateKey(text)).as(text)
                .isEqualTo(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    @Test
    void readsTheFormDatetimeFieldsSend() {
        assertThat(UtcDateTimes.epochSecond("1970-01-01T00:00:01Z")).isEqualTo(1);
        assertThat(UtcDateTimes.epochSecond("0000-01-01T00:00:00Z")).isEqualTo(-62_167_219_200L);
        assertThat(UtcDateTimes.epochSecond("2024-02-29T23:59:59Z")).isEqualTo(1_709_251_199L);
        assertThat(UtcDateTimes.dateKey("2024-02-29T23:59:59Z")).isEqualTo(20_240_229);
    }

    @Test
    void leavesLeapSecondsImpossibleDatesAndOtherFormsToInstantParse() {
        for (String text : new String[] {"2016-12-31T23:59:60Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
            "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.5Z", "2024-01-01T00:00:00+01:00", "2024-01-01t00:00:00z",
            "+10000-01-01T00:00:00Z", "2024-00-01T00:00:00Z"}) {
            assertThat(UtcDateTimes.epochSecond(text)).as(text).isEqualTo(UtcDateTimes.NOT_CANONICAL);
        }
    }

    @Test
    void readsRandomInstantsAndNearMissesAsInstantParseDoes() {
        Random random = new Random(7);
        String replacements = "0123456789-:TZtz.+ ";
        int read = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = Instant.ofEpochSecond(-62_167_219_200L + (long) (random.nextDouble() * 315_537_897_600L))
                    .toString();
            if (random.nextBoolean()) {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = replacements.charAt(random.nextInt(replacements.length()));
                text = new String(chars);
            }
            assertReadsAsInstantParse(text);
            if (UtcDateTimes.epochSecond(text) != UtcDateTimes.NOT_CANONICAL) {
                read++;
            } else if (text.length() == 20 && text.charAt(19) == 'Z') {
                assertLeftOnlyWhatInstantParseRefusesOrReadsWithAnotherForm(text);
            }
        }
        assertThat(read).isGreaterThan(100_000);
    }

    /** A text of the right length that the fast reading leaves is refused by Instant.parse or not a plain second. */
    private static void assertLeftOnlyWhatInstantParseRefusesOrReadsWithAnotherForm(String text) {
        try {
            Instant.parse(text);
        } catch (DateTimeParseException refused) {
            return;
        }
        // accepted but not in the fixed form: a leap second, or characters the fast reading does not take
        assertThat(text.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ") && !text.endsWith(":60Z")).as(text)
                .isFalse();
    }
}
