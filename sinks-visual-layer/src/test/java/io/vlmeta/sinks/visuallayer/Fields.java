package io.vlmeta.sinks.visuallayer;

import io.vlmeta.api.Entry;
import io.vlmeta.api.FieldDeclaration;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.FieldWriter;
import io.vlmeta.api.Location;
import io.vlmeta.api.Resolution;
import io.vlmeta.api.MediaResolver;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Declarations and entries as the engine would hand them to a sink. */
final class Fields {
    static final FieldDeclaration NOTES = FieldDeclaration.simple("notes", "string", "string");
    static final FieldDeclaration SCORE = FieldDeclaration.simple("score", "float", "float");
    static final FieldDeclaration CREATED = FieldDeclaration.simple("created_at", "datetime", "datetime");
    static final FieldDeclaration DOC = FieldDeclaration.simple("pdf_url", "link", "link");
    static final FieldDeclaration STATUS =
            new FieldDeclaration("status", "enum", "enum", false, List.of("active", "pending"));
    static final FieldDeclaration TAGS =
            new FieldDeclaration("tags", "multi-enum", "enum", true, List.of("tag1", "tag2", "tag3"));

    private Fields() {
    }

    static String file(int i) {
        return String.format(Locale.ROOT, "images/img_%06d.jpg", i);
    }

    static List<String> files(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(Fields::file).toList();
    }

    /** The value row {@code i} holds for the float field in the bulk tests. */
    static BigDecimal score(int i) {
        return new BigDecimal(i).movePointLeft(1);
    }

    static Entry entry(MediaResolver resolver, String key, Object value, long row) {
        Resolution resolution = resolver.resolve(key);
        String mediaId = ((Resolution.Matched) resolution).mediaId();
        return new Entry(mediaId, value, key, Location.of("metadata.csv", row));
    }

    /** Writes one float per media item, rows numbered from 2 as a spreadsheet shows them. */
    static FieldOutcome writeScores(MediaResolver resolver, FieldWriter writer, int count) {
        for (int i = 0; i < count; i++) {
            writer.write(entry(resolver, file(i), score(i), i + 2));
        }
        return writer.finish();
    }
}
