package io.vlmeta.sources.xlsx;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormatCodeTest {

    @ParameterizedTest(name = "{0} shows a {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "yyyy-mm-dd | DATE",
        "m/d/yy h:mm | DATE",
        "d-mmm-yy | DATE",
        "mmm-yy | DATE",
        "mmmm | DATE",
        "dddd | DATE",
        "YYYY-MM-DD HH:MM:SS | DATE",
        "yyyy\"年\"m\"月\"d\"日\" | DATE",
        "yyyy\\年m\\月d\\日 | DATE",
        "[$-411]ggge\"年\"m\"月\"d\"日\" | DATE",
        "[$-1030411]ggge\\年m\\月d\\日 | DATE",
        "[$-411]ge.m.d | DATE",
        "[$-404]e/m/d | DATE",
        "[$-F800]dddd\\, mmmm dd\\, yyyy | DATE",
        "[$-409]m/d/yy h:mm AM/PM;@ | DATE",
        "d/m/bbbb | DATE",
        "aaaa | DATE",
        "yyyy/m/d(aaa) | DATE",
        "[Blue]yyyy-mm-dd;[Red]@ | DATE",
        "h:mm | TIME_OF_DAY",
        "h:mm:ss | TIME_OF_DAY",
        "hh:mm:ss.000 | TIME_OF_DAY",
        "h:mm AM/PM | TIME_OF_DAY",
        "h:mm:ss A/P | TIME_OF_DAY",
        "mm:ss | TIME_OF_DAY",
        "mmss.0 | TIME_OF_DAY",
        "[$-409]h:mm AM/PM;@ | TIME_OF_DAY",
        "h\"時\"mm\"分\"ss\"秒\" | TIME_OF_DAY",
        "上午/下午h\"时\"mm\"分\" | TIME_OF_DAY",
        "[h]:mm:ss | DURATION",
        "[hh]:mm:ss | DURATION",
        "[HH]:MM:SS | DURATION",
        "[h]:mm | DURATION",
        "[mm]:ss | DURATION",
        "[ss] | DURATION",
        "[ss].00 | DURATION",
        "General | NUMBER",
        "0 | NUMBER",
        "0.00 | NUMBER",
        "#,##0.00_);[Red](#,##0.00) | NUMBER",
        "0.00E+00 | NUMBER",
        "##0.0e-0 | NUMBER",
        "0% | NUMBER",
        "# ?/? | NUMBER",
        "@ | NUMBER",
        "[Red]0.00 | NUMBER",
        "[<=100]0;[Red]0 | NUMBER",
        "0.0\" days\" | NUMBER",
        "0\\h | NUMBER",
        "0_h | NUMBER",
        "0*s | NUMBER",
        "\"Mdsy\"0 | NUMBER",
        "[$€-407] #,##0.00 | NUMBER",
        "[DBNum1]General | NUMBER",
        "`` | NUMBER",
    })
    void judgesAFormatByItsCodesOutsideQuotesEscapesAndBrackets(String code, NumberFormatKind kind) {
        assertThat(FormatCode.classify(code)).isEqualTo(kind);
    }
}
