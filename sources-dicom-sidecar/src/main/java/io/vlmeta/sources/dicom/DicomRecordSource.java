package io.vlmeta.sources.dicom;

import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Problem;
import io.vlmeta.api.ProblemCategory;
import io.vlmeta.api.ProblemReporter;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import java.util.List;
import java.util.function.Function;

/**
 * Sidecars or converter rows as records. Opening walks the whole input once to learn the columns
 * (reporting unreadable rows and, once, the skipped sequence and binary attributes); the records then
 * come from a second walk, one row at a time.
 */
final class DicomRecordSource implements RecordSource {
    private final String description;
    private final String keyColumn;
    private final ColumnPlan plan;
    private final SidecarRows rows;
    private final RecordAssembler assembler;
    private boolean closed;

    /**
     * @param openRows opens a pass over the rows, reporting read problems to the reporter it is given
     */
    DicomRecordSource(String description, String keyColumn, Function<ProblemReporter, SidecarRows> openRows,
            FieldNaming naming, boolean combineDateTime, ProblemReporter reporter) {
        this.description = description;
        this.keyColumn = keyColumn;
        ColumnCatalog catalog;
        try (SidecarRows firstWalk = openRows.apply(reporter)) {
            catalog = new ColumnCatalog(naming, firstWalk.columnsInTagOrder(), DeidentificationProfile.basic());
            for (SidecarRow row = firstWalk.next(); row != null; row = firstWalk.next()) {
                catalog.add(row);
            }
        }
        List<String> skipped = catalog.skippedAttributes();
        if (!skipped.isEmpty()) {
            reporter.report(Problem.warning(ProblemCategory.INPUT, null, null, "Skipped " + skipped.size()
                    + " DICOM attribute" + (skipped.size() == 1 ? "" : "s")
                    + " holding sequences or binary data, which metadata fields cannot carry: "
                    + String.join(", ", skipped) + "."));
        }
        this.plan = catalog.plan(combineDateTime);
        // Row problems were reported by the first walk; the second must not count them again.
        this.rows = openRows.apply(ProblemReporter.DISCARD);
        this.assembler = new RecordAssembler(plan, reporter);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String keyColumn() {
        return keyColumn;
    }

    @Override
    public List<ColumnInfo> columns() {
        return plan.columns();
    }

    @Override
    public Record next() {
        if (closed) {
            return null;
        }
        SidecarRow row = rows.next();
        return row == null ? null : assembler.assemble(row);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            rows.close();
        }
    }
}
