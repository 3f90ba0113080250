package io.vlmeta.sources.dicom;

import io.vlmeta.api.Location;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns one row's attributes into a {@link Record} following the plan of the first walk. */
final class RecordAssembler {
    private final ColumnPlan plan;
    private final Set<String> knownColumns;
    /** The column of each of {@code plan.combined()}, in its order: named once, not per row. */
    private final List<String> combinedColumns;
    private final ProblemReporter reporter;

    RecordAssembler(ColumnPlan plan, ProblemReporter reporter) {
        this.plan = plan;
        this.knownColumns = plan.names();
        this.combinedColumns = plan.combined().stream().map(pair -> plan.naming().combinedName(pair.prefix())).toList();
        this.reporter = reporter;
    }

    Record assemble(SidecarRow row) {
        Map<String, RawValue> values = new HashMap<>();
        Map<String, DicomAttribute> byKeyword = new HashMap<>();
        for (DicomAttribute attribute : row.attributes()) {
            if (!plan.combined().isEmpty()) {
                byKeyword.put(attribute.keyword(), attribute);
            }
            String column = plan.naming().name(attribute);
            // A file changed between the two walks can hold an attribute the plan does not list.
            if (plan.absorbedKeywords().contains(attribute.keyword()) || !knownColumns.contains(column)) {
                continue;
            }
            RawValue value = ValueConverter.convert(attribute, plan.isMultiValued(column));
            if (!(value instanceof RawValue.Missing)) {
                values.put(column, value);
            }
        }
        for (int i = 0; i < combinedColumns.size(); i++) {
            CombinedDateTime pair = plan.combined().get(i);
            String column = combinedColumns.get(i);
            RawValue value = combine(pair, byKeyword, row.location(), column);
            if (!(value instanceof RawValue.Missing)) {
                values.put(column, value);
            }
        }
        return new Record(row.key(), row.location(), values);
    }

    /**
     * The date and time of one pair as one instant, in the offset TimezoneOffsetFromUTC gives; without
     * it the offset stays unknown so the job's time zone applies. A time without a date yields nothing.
     */
    private RawValue combine(CombinedDateTime pair, Map<String, DicomAttribute> row, Location location, String column) {
        Optional<ZoneOffset> offset;
        String offsetText = firstValue(row.get(CombinedDateTime.TIMEZONE_KEYWORD));
        if (offsetText == null) {
            offset = Optional.empty();
        } else {
            offset = DicomDates.offset(offsetText);
            if (offset.isEmpty()) {
                reporter.report(Problem.error(ProblemCategory.VALUE, location, column, CombinedDateTime.TIMEZONE_KEYWORD + " '"
                        + offsetText + "' is not an offset from UTC like -0400 or +0530, so the time cannot be placed."));
                return RawValue.missing();
            }
        }
        String dateTimeText = pair.dateTimeKeyword() == null ? null : firstValue(row.get(pair.dateTimeKeyword()));
        if (dateTimeText != null) {
            RawValue value = ValueConverter.dateTime(dateTimeText);
            return value instanceof RawValue.DateTime dt && dt.offset() == null && offset.isPresent()
                    ? new RawValue.DateTime(dt.dateTime(), offset.get()) : value;
        }
        String dateText = firstValue(row.get(pair.dateKeyword()));
        if (dateText == null) {
            return RawValue.missing();
        }
        Optional<LocalDate> date = DicomDates.date(dateText);
        if (date.isEmpty()) {
            return new RawValue.Text(dateText);
        }
        String timeText = firstValue(row.get(pair.timeKeyword()));
        LocalTime time = LocalTime.MIDNIGHT;
        if (timeText != null) {
            Optional<LocalTime> parsed = ValueConverter.timeOfDay(timeText);
            if (parsed.isEmpty()) {
                return new RawValue.Text(dateText + " " + timeText);
            }
            time = parsed.get();
        }
        return new RawValue.DateTime(LocalDateTime.of(date.get(), time), offset.orElse(null));
    }

    private static String firstValue(DicomAttribute attribute) {
        if (attribute == null || attribute.values().isEmpty()) {
            return null;
        }
        String text = ValueConverter.text(attribute.values().get(0));
        return text.isEmpty() ? null : text;
    }
}
