package io.vlmeta.fieldtypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CivilDaysTest {

    @Test
    void countsTheDaysOfEveryDateFromYearZeroToTenThousandAsLocalDateDoes() {
        LocalDate last = LocalDate.of(10_000, 12, 31);
        for (LocalDate date = LocalDate.of(-1, 1, 1); !date.isAfter(last); date = date.plusDays(1)) {
            long epochDay = date.toEpochDay();
            if (CivilDays.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) != epochDay) {
                assertThat(CivilDays.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                        .as("day count of %s", date).isEqualTo(epochDay);
            }
            CivilDays.Date civil = CivilDays.date(epochDay);
            if (civil.year() != date.getYear() || civil.month() != date.getMonthValue()
                    || civil.day() != date.getDayOfMonth()) {
                assertThat(civil).as("date of day %d", epochDay)
                        .isEqualTo(new CivilDays.Date(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
            }
        }
    }

    @Test
    void readsTheFarthestDatesLocalDateHolds() {
        for (LocalDate date : new LocalDate[] {LocalDate.MIN, LocalDate.MAX, LocalDate.EPOCH, LocalDate.of(1969, 12, 31)}) {
            assertThat(CivilDays.date(date.toEpochDay()))
                    .isEqualTo(new CivilDays.Date(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
            assertThat(CivilDays.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .isEqualTo(date.toEpochDay());
        }
    }
}
