package io.vlmeta.sources.dicom;

import io.vlmeta.api.ColumnInfo;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns one input offers, decided by a first walk over all of it.
 *
 * @param columns          in the order the source lists them
 * @param multiValued      column names where some row held more than one value
 * @param naming           how attributes are named
 * @param combined         date and time pairs joined into one column; empty unless asked for
 * @param absorbedKeywords keywords whose attributes only feed a combined column
 */
record ColumnPlan(List<ColumnInfo> columns, Set<String> multiValued, FieldNaming naming, List<CombinedDateTime> combined,
        Set<String> absorbedKeywords) {

    ColumnPlan {
        columns = List.copyOf(columns);
        multiValued = Set.copyOf(multiValued);
        combined = List.copyOf(combined);
        absorbedKeywords = Set.copyOf(absorbedKeywords);
    }

    boolean isMultiValued(String column) {
        return multiValued.contains(column);
    }

    /** @return the column names, to drop attributes of a file that changed after the first walk */
    Set<String> names() {
        return columns.stream().map(ColumnInfo::name).collect(Collectors.toUnmodifiableSet());
    }
}
