package io.vlmeta.sinks.report;

/**
 * Streaming statistics of one field's entries, kept in memory that does not grow with the number of
 * entries. Used by the one thread that writes the field.
 */
interface FieldStatistics {

    /** @param value the JSON value an entry carries (String, BigDecimal or List of String) */
    void add(Object value);

    /** @return an immutable view for the JSON and HTML reports */
    StatisticsView view();

    /** @return statistics that suit a field declared with this server type and handler */
    static FieldStatistics forField(String serverType) {
        return switch (serverType) {
            case "enum" -> new CategoryCounts(CategoryCounts.Unit.VALUE);
            case "float" -> new FloatHistogram();
            case "datetime" -> new DateTimeline();
            case "link" -> new CategoryCounts(CategoryCounts.Unit.HOST);
            default -> new TextLengths();
        };
    }
}
