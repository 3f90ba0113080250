package io.vlmeta.sources.xlsx;

import io.vlmeta.sources.xlsx.BuiltinNumberFormats.EastAsianLanguage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The kinds ECMA-376 Part 1, §18.8.30 gives the implied built-in formats, in every locale that defines them. */
class BuiltinNumberFormatsTest {

    @ParameterizedTest
    @ValueSource(ints = {14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 54, 57, 58, 71, 72, 73, 74, 77, 81})
    void datesInEveryLocale(int id) {
        for (EastAsianLanguage language : EastAsianLanguage.values()) {
            assertThat(BuiltinNumberFormats.kindOf(id, language)).isEqualTo(NumberFormatKind.DATE);
        }
        assertThat(BuiltinNumberFormats.kindOf(id, null)).isEqualTo(NumberFormatKind.DATE);
    }

    @ParameterizedTest
    @ValueSource(ints = {18, 19, 20, 21, 32, 33, 45, 47, 75, 76, 78, 80})
    void timesOfDayInEveryLocale(int id) {
        assertThat(BuiltinNumberFormats.kindOf(id, null)).isEqualTo(NumberFormatKind.TIME_OF_DAY);
    }

    @ParameterizedTest
    @ValueSource(ints = {46, 79})
    void elapsedDurations(int id) {
        assertThat(BuiltinNumberFormats.kindOf(id, null)).isEqualTo(NumberFormatKind.DURATION);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 23, 26, 37, 40, 41, 44, 48, 49, 59, 62, 67, 70, 82, 163})
    void numbersAndText(int id) {
        assertThat(BuiltinNumberFormats.kindOf(id, null)).isEqualTo(NumberFormatKind.NUMBER);
    }

    @ParameterizedTest
    @ValueSource(ints = {34, 35, 52, 53, 55, 56})
    void dependOnTheLanguageWhereJapaneseAndKoreanShowDatesAndChineseTimes(int id) {
        assertThat(BuiltinNumberFormats.kindOf(id, null)).isEqualTo(NumberFormatKind.LOCALE_DEPENDENT);
        assertThat(BuiltinNumberFormats.kindOf(id, EastAsianLanguage.JAPANESE)).isEqualTo(NumberFormatKind.DATE);
        assertThat(BuiltinNumberFormats.kindOf(id, EastAsianLanguage.KOREAN)).isEqualTo(NumberFormatKind.DATE);
        assertThat(BuiltinNumberFormats.kindOf(id, EastAsianLanguage.TRADITIONAL_CHINESE))
                .isEqualTo(NumberFormatKind.TIME_OF_DAY);
    }

    @Test
    void simplifiedChineseShows52And53AsDatesAnd34To56OtherwiseAsTimes() {
        EastAsianLanguage chinese = EastAsianLanguage.SIMPLIFIED_CHINESE;
        assertThat(BuiltinNumberFormats.kindOf(52, chinese)).isEqualTo(NumberFormatKind.DATE);
        assertThat(BuiltinNumberFormats.kindOf(53, chinese)).isEqualTo(NumberFormatKind.DATE);
        for (int id : new int[] {34, 35, 55, 56}) {
            assertThat(BuiltinNumberFormats.kindOf(id, chinese)).isEqualTo(NumberFormatKind.TIME_OF_DAY);
        }
    }

    @Test
    void customIdsStartAt164() {
        assertThat(BuiltinNumberFormats.isBuiltin(163)).isTrue();
        assertThat(BuiltinNumberFormats.isBuiltin(164)).isFalse();
    }
}
