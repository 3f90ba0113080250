package io.vlmeta.engine;

import io.vlmeta.api.Cancellation;
import io.vlmeta.api.ColumnInfo;
import io.vlmeta.api.Entry;
import io.vlmeta.api.ErrorCode;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldSettings;
import io.vlmeta.api.FieldTypeHandler;
import io.vlmeta.api.Location;
import io.vlmeta.api.MediaResolver;
import io.vlmeta.api.RawValue;
import io.vlmeta.api.Record;
import io.vlmeta.api.RecordSource;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.VlmetaException;
import io.vlmeta.engine.testplugins.RecordingSink.Recording;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The upload pass with validation's {@link RowPlan} against the general path that resolves every key
 * and finds repeats again: the same entries, in the same order, for every kind of row; and a source
 * that reads differently the second time is refused at the first row that differs.
 */
class UploadPassPlanTest {
    private static final Plugins PLUGINS = Plugins.discover(List.of());
    private static final List<String> MEDIA = List.of("images/a.jpg", "images/b.jpg", "images/c.jpg", "images/d.jpg",
            "other/d.jpg");

    private final List<PlannedField> fields = List.of(field("score", "float"), field("label", "string"));

    private static PlannedField field(String column, String type) {
        FieldTypeHandler handler = PLUGINS.fieldType(type);
        return new PlannedField(column, type, "--" + type, handler, handler.parser(FieldSettings.defaults()));
    }

    /** Every kind of row: matched, unmatched, an identical repeat, a row without values, one by file name. */
    private static List<Record> rows() {
        return List.of(row(2, "images/a.jpg", "1.5", "x"), row(3, "missing.jpg", "2", "y"),
                row(4, "images/b.jpg", "", ""), row(5, "images/a.jpg", "1.50", "x"), row(6, "c.jpg", "3", "z"),
                row(7, "images/d.jpg", "4", "w"), row(8, "./images/b.jpg", "", ""));
    }

    private static Record row(long row, String key, String score, String label) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        values.put("score", RawValue.text(score));
        values.put("label", RawValue.text(label));
        return new Record(key, Location.of("data.csv", row), values);
    }

    @Test
    void planHandsTheWritersTheSameEntriesAsResolvingEveryKeyAgainWithAListingResolver() {
        assertSameEntriesBothWays(new TestResolver(true), 2L, 6L, 7L);
    }

    @Test
    void planHandsTheWritersTheSameEntriesAsResolvingEveryKeyAgainWithAResolverThatListsNoMedia() {
        assertSameEntriesBothWays(new TestResolver(false), 2L, 6L, 7L);
    }

    @Test
    void planHandsTheWritersTheSameEntriesAsResolvingEveryKeyAgainWithoutAMapping() {
        // without a mapping a key is not checked, and repeats are told by the normalised key
        assertSameEntriesBothWays(MediaResolver.UNCHECKED, 2L, 3L, 6L, 7L);
    }

    private void assertSameEntriesBothWays(MediaResolver resolver, Long... scoredRows) {
        RowPlan plan = validate(resolver, rows());
        Map<String, List<Entry>> general = upload(resolver, rows(), null).entries;
        Map<String, List<Entry>> planned = upload(resolver, rows(), plan).entries;

        assertThat(planned).isEqualTo(general);
        // the identical repeat of a.jpg (row 5) is in neither, nor, with a mapping, the unmatched row 3
        assertThat(planned.get("score")).extracting(e -> e.location().row()).containsExactly(scoredRows);
        assertThat(planned.get("label")).extracting(e -> e.location().row()).containsExactly(scoredRows);
    }

    @Test
    void planTakesEachRowsMediaIdFromTheOrdinalValidationFound() {
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        resolver.resolved = 0;

        Recording sink = upload(resolver, rows(), plan);

        assertThat(resolver.resolved).as("keys resolved again in the upload").isZero();
        assertThat(sink.entries.get("score")).extracting(Entry::mediaId, e -> e.location().row())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("id-images/a.jpg", 2L),
                        org.assertj.core.groups.Tuple.tuple("id-images/c.jpg", 6L),
                        org.assertj.core.groups.Tuple.tuple("id-images/d.jpg", 7L));
    }

    @Test
    void aRowWhoseKeyChangedAfterValidationStopsTheUploadThereNamingIt() {
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<Record> edited = new ArrayList<>(rows());
        edited.set(4, row(6, "images/d.jpg", "3", "z")); // c.jpg's value would land on d.jpg

        Recording sink = new Recording();
        assertThatThrownBy(() -> upload(resolver, edited, plan, sink))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessage("data.csv changed after it was validated: data.csv row 6 (key 'images/d.jpg') is not "
                        + "the row validation read in its place: its key, position or values differ. The upload stopped "
                        + "there, and nothing after it was sent. Upload only files that stay unchanged until the job "
                        + "ends.");
        assertThat(sink.entries.get("score")).extracting(e -> e.location().row()).containsExactly(2L);
        assertThat(sink.endings).as("no field's last batch is handed over").isEmpty();
    }

    @Test
    void aValueChangedAfterValidationStopsTheUploadThere() {
        // same key, same row, another value: it was never validated (an enum option never declared, say)
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<Record> edited = new ArrayList<>(rows());
        edited.set(4, row(6, "c.jpg", "9", "z"));
        Recording sink = new Recording();

        assertThatThrownBy(() -> upload(resolver, edited, plan, sink))
                .hasMessageContaining("data.csv row 6 (key 'c.jpg') is not the row validation read in its place: "
                        + "its key, position or values differ.");
        assertThat(sink.entries.get("score")).extracting(e -> e.location().row()).containsExactly(2L);
    }

    @Test
    void aValueThatWasEmptyAndIsNowRefusedStopsTheUploadThere() {
        // an empty cell and a refused one add nothing to the values' hash; the refusal itself tells the change
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<Record> edited = new ArrayList<>(rows());
        edited.set(2, row(4, "images/b.jpg", "abc", ""));

        assertThatThrownBy(() -> upload(resolver, edited, plan))
                .hasMessageContaining("data.csv row 4 (key 'images/b.jpg') now holds a value validation did not "
                        + "read there.");
    }

    @Test
    void sendingSomeOfTheValidatedFieldsChecksEachRowOverAllOfThemAndSendsTheSameEntries() {
        // a rerun whose other fields exist sends some fields only; the rows still carry every validated column
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<PlannedField> labelOnly = List.of(fields.get(1));

        Recording planned = uploadSome(resolver, labelOnly, rows(), plan);
        Recording general = uploadSome(resolver, labelOnly, rows(), null);
        List<Record> edited = new ArrayList<>(rows());
        edited.set(5, row(7, "images/d.jpg", "40", "w")); // only the field not sent changed

        assertThat(planned.entries).isEqualTo(general.entries).containsOnlyKeys("label");
        assertThat(planned.entries.get("label")).extracting(e -> e.location().row()).containsExactly(2L, 6L, 7L);
        assertThatThrownBy(() -> uploadSome(resolver, labelOnly, edited, plan))
                .hasMessageContaining("data.csv row 7 (key 'images/d.jpg') is not the row validation read");
    }

    private Recording uploadSome(MediaResolver resolver, List<PlannedField> sending, List<Record> records,
                                 RowPlan plan) {
        List<FieldDeclaration> declarations = sending.stream().map(f -> f.handler().newAccumulator(f.column(),
                FieldSettings.defaults()).declaration()).toList();
        Map<String, io.vlmeta.api.FieldCounts> counts = new LinkedHashMap<>();
        sending.forEach(f -> counts.put(f.column(), new io.vlmeta.api.FieldCounts(0, 0, 0, 0)));
        Recording sink = new Recording();
        new UploadPass(sending, declarations, counts, resolver, JobListener.NONE, 2, Cancellation.NEVER)
                .withPlan(plan, fields).run(new ListSource(records), sink);
        return sink;
    }

    @Test
    void aRowThatMovedAfterValidationIsRefusedToo() {
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<Record> moved = new ArrayList<>(rows());
        moved.set(0, row(3, "images/a.jpg", "1.5", "x")); // same key, another row: a line was added above

        assertThatThrownBy(() -> upload(resolver, moved, plan))
                .hasMessageContaining("data.csv row 3 (key 'images/a.jpg') is not the row validation read");
    }

    @Test
    void aValueThatNoLongerParsesAfterValidationStopsTheUploadInsteadOfLeavingItOut() {
        assertEditedValueRefused(row(6, "c.jpg", "zzz", "z"));
    }

    @Test
    void aValueChangedToAnotherValidOneAfterValidationStopsTheUpload() {
        assertEditedValueRefused(row(6, "c.jpg", "3.25", "z"));
    }

    @Test
    void aValueEmptiedOrFilledAfterValidationStopsTheUpload() {
        assertEditedValueRefused(row(6, "c.jpg", "", "z"));
        assertEditedValueRefused(row(4, "images/b.jpg", "1", ""));
    }

    @Test
    void anUnsentRowsChangedValuesStopTheUploadToo() {
        // an unmatched row or a repeat is never sent, but a file that changed anywhere is not trusted
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<Record> edited = new ArrayList<>(rows());
        edited.set(3, row(5, "images/a.jpg", "9", "q")); // validation's repeat of row 2

        assertThatThrownBy(() -> upload(resolver, edited, plan))
                .hasMessageContaining("data.csv row 5 (key 'images/a.jpg') is not the row validation read");
    }

    /** Row 6 (c.jpg) or 4 (b.jpg) edited after validation: row 2's values went out, nothing from there on. */
    private void assertEditedValueRefused(Record edit) {
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<Record> edited = new ArrayList<>(rows());
        edited.set((int) edit.location().row() - 2, edit);

        Recording sink = new Recording();
        assertThatThrownBy(() -> upload(resolver, edited, plan, sink))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessageStartingWith("data.csv changed after it was validated: data.csv row "
                        + edit.location().row() + " (key '" + edit.key() + "') is not the row validation read in "
                        + "its place: its key, position or values differ.");
        assertThat(sink.entries.get("score")).extracting(e -> e.location().row()).containsExactly(2L);
        assertThat(sink.endings).isEmpty();
    }

    @Test
    void anInputThatEndsBeforeTheRowsValidationReadIsRefusedBeforeTheLastBatches() {
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        Recording sink = new Recording();

        assertThatThrownBy(() -> upload(resolver, rows().subList(0, 5), plan, sink))
                .isInstanceOfSatisfying(VlmetaException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.INPUT_UNREADABLE))
                .hasMessageStartingWith("data.csv changed after it was validated: it now ends after 5 rows, where "
                        + "validation read 7.");
        assertThat(sink.endings).isEmpty();
    }

    @Test
    void anInputWithMoreRowsThanValidationReadIsRefusedAtTheFirstNewRow() {
        TestResolver resolver = new TestResolver(true);
        RowPlan plan = validate(resolver, rows());
        List<Record> longer = new ArrayList<>(rows());
        longer.add(row(9, "images/d.jpg", "5", "v"));

        assertThatThrownBy(() -> upload(resolver, longer, plan))
                .hasMessageContaining("data.csv row 9 is a row validation did not read");
    }

    @Test
    void planKeepsEveryRowsDecisionAcrossChunks() {
        RowPlan plan = new RowPlan();
        int rows = 2 * RowPlan.CHUNK_ROWS + 17;
        for (int i = 0; i < rows; i++) {
            Resolution resolution = i % 3 == 0 ? Resolution.Unmatched.INSTANCE : new Resolution.Matched("m", i);
            plan.add(row(i + 2, "k" + i, "1", "x"), resolution, i % 7 != 0, i * 31L);
        }

        assertThat(plan.rows()).isEqualTo(rows);
        for (int i = 0; i < rows; i++) {
            int expected = i % 7 == 0 || i % 3 == 0 ? RowPlan.NOT_SENT : i;
            assertThat(plan.decisionFor(i, row(i + 2, "k" + i, "1", "x"), i * 31L, "data.csv")).isEqualTo(expected);
        }
    }

    private RowPlan validate(MediaResolver resolver, List<Record> records) {
        ValidationPass.Outcome outcome = new ValidationPass(fields, FieldSettings.defaults(), resolver, true,
                new ProblemCollector(100), JobListener.NONE, Cancellation.NEVER).planningRows(true)
                .run(new ListSource(records), null);
        return outcome.plan();
    }

    private Recording upload(MediaResolver resolver, List<Record> records, RowPlan plan) {
        Recording sink = new Recording();
        upload(resolver, records, plan, sink);
        return sink;
    }

    private void upload(MediaResolver resolver, List<Record> records, RowPlan plan, Recording sink) {
        List<FieldDeclaration> declarations = fields.stream().map(f -> f.handler().newAccumulator(f.column(),
                FieldSettings.defaults()).declaration()).toList();
        Map<String, io.vlmeta.api.FieldCounts> counts = new LinkedHashMap<>();
        fields.forEach(f -> counts.put(f.column(), new io.vlmeta.api.FieldCounts(0, 0, 0, 0)));
        new UploadPass(fields, declarations, counts, resolver, JobListener.NONE, 2, Cancellation.NEVER)
                .withPlan(plan, fields).run(new ListSource(records), sink);
    }

    /**
     * Matches a key to the one item with that exact path, else to the items whose path ends with
     * {@code /key}; counts its look-ups. It lists its media ids by ordinal when {@code listing}.
     */
    private static final class TestResolver implements MediaResolver {
        private final boolean listing;
        volatile int resolved;

        TestResolver(boolean listing) {
            this.listing = listing;
        }

        @Override
        public synchronized Resolution resolve(String key) {
            resolved++;
            String path = key.startsWith("./") ? key.substring(2) : key;
            int exact = MEDIA.indexOf(path);
            if (exact >= 0) {
                return new Resolution.Matched("id-" + path, exact);
            }
            List<String> bySuffix = MEDIA.stream().filter(m -> m.endsWith("/" + path)).toList();
            return bySuffix.isEmpty() ? Resolution.Unmatched.INSTANCE : bySuffix.size() > 1
                    ? new Resolution.Ambiguous(bySuffix)
                    : new Resolution.Matched("id-" + bySuffix.get(0), MEDIA.indexOf(bySuffix.get(0)));
        }

        @Override
        public int size() {
            return MEDIA.size();
        }

        @Override
        public String description() {
            return "test media";
        }

        @Override
        public String mediaId(int ordinal) {
            return listing ? "id-" + MEDIA.get(ordinal) : null;
        }
    }

    private static final class ListSource implements RecordSource {
        private final Iterator<Record> rows;

        ListSource(List<Record> rows) {
            this.rows = rows.iterator();
        }

        @Override
        public String description() {
            return "data.csv";
        }

        @Override
        public String keyColumn() {
            return "file_fullpath";
        }

        @Override
        public List<ColumnInfo> columns() {
            return List.of(new ColumnInfo("score", null, false, null), new ColumnInfo("label", null, false, null));
        }

        @Override
        public Record next() {
            return rows.hasNext() ? rows.next() : null;
        }

        @Override
        public void close() {
        }
    }
}
