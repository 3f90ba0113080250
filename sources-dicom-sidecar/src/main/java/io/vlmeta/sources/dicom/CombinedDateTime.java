package io.vlmeta.sources.dicom;

import java.util.List;

/**
 * A date and time pair that option {@code combine-date-time} joins into one datetime column.
 *
 * @param prefix          {@code Study}, {@code Series}, {@code Acquisition} or {@code Content}
 * @param dateKeyword     e.g. {@code StudyDate}
 * @param timeKeyword     e.g. {@code StudyTime}
 * @param dateTimeKeyword a DT attribute that already holds the whole instant and wins when present
 *                        ({@code AcquisitionDateTime}), or {@code null}
 */
record CombinedDateTime(String prefix, String dateKeyword, String timeKeyword, String dateTimeKeyword) {

    static final String TIMEZONE_KEYWORD = "TimezoneOffsetFromUTC";

    static final List<CombinedDateTime> PAIRS = List.of(
            new CombinedDateTime("Study", "StudyDate", "StudyTime", null),
            new CombinedDateTime("Series", "SeriesDate", "SeriesTime", null),
            new CombinedDateTime("Acquisition", "AcquisitionDate", "AcquisitionTime", "AcquisitionDateTime"),
            new CombinedDateTime("Content", "ContentDate", "ContentTime", null));

    List<String> keywords() {
        return dateTimeKeyword == null ? List.of(dateKeyword, timeKeyword) : List.of(dateKeyword, timeKeyword, dateTimeKeyword);
    }
}
