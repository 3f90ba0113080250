package io.vlmeta.sources.dicom;

import io.vlmeta.api.ColumnInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Collects the union of attributes over every row of a first walk. Memory grows with the number of
 * distinct attributes, not with the number of rows.
 */
final class ColumnCatalog {
    private final FieldNaming naming;
    private final boolean tagOrder;
    private final DeidentificationProfile profile;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, Skipped> skipped = new TreeMap<>();

    /** What the walk learned about one column. */
    private static final class Column {
        final String name;
        final int firstSeen;
        String tag;
        String keyword;
        final Set<Vr> vrs = new LinkedHashSet<>();
        boolean untyped;
        boolean multiValued;
        boolean sensitive;

        Column(String name, int firstSeen) {
            this.name = name;
            this.firstSeen = firstSeen;
        }
    }

    /** A skipped attribute and every kind it came as ({@code OB/OW}). */
    private record Skipped(SkippedAttribute first, Set<String> kinds) {
    }

    ColumnCatalog(FieldNaming naming, boolean tagOrder, DeidentificationProfile profile) {
        this.naming = naming;
        this.tagOrder = tagOrder;
        this.profile = profile;
    }

    void add(SidecarRow row) {
        for (DicomAttribute attribute : row.attributes()) {
            String name = naming.name(attribute);
            Column column = columns.computeIfAbsent(name, n -> new Column(n, columns.size()));
            if (column.tag == null) {
                column.tag = attribute.tag();
                column.keyword = attribute.keyword();
            }
            if (attribute.vr() == null) {
                column.untyped = true;
            } else {
                column.vrs.add(attribute.vr());
            }
            column.multiValued |= attribute.isMultiValued();
            if (!column.sensitive) {
                column.sensitive = isIdentifying(attribute);
            }
        }
        for (SkippedAttribute attribute : row.skipped()) {
            String key = attribute.tag() != null ? attribute.tag() : attribute.name();
            skipped.computeIfAbsent(key, k -> new Skipped(attribute, new LinkedHashSet<>())).kinds().add(attribute.kind());
        }
    }

    /** @return one line per skipped attribute, in tag order, e.g. {@code PixelData (7FE0,0010) OB/OW} */
    List<String> skippedAttributes() {
        return skipped.values().stream()
                .map(s -> new SkippedAttribute(s.first().tag(), s.first().name(), String.join("/", s.kinds())).describe())
                .toList();
    }

    ColumnPlan plan(boolean combineDateTime) {
        List<Column> ordered = new ArrayList<>(columns.values());
        if (tagOrder) {
            ordered.sort(Comparator.comparing((Column c) -> c.tag == null)
                    .thenComparing(c -> c.tag == null ? "" : c.tag)
                    .thenComparingInt(c -> c.firstSeen));
        }
        List<CombinedDateTime> combined = new ArrayList<>();
        Set<String> absorbed = new HashSet<>();
        if (combineDateTime) {
            Set<String> present = ordered.stream().map(c -> c.keyword).filter(Objects::nonNull).collect(Collectors.toSet());
            for (CombinedDateTime pair : CombinedDateTime.PAIRS) {
                if (pair.keywords().stream().anyMatch(present::contains)) {
                    combined.add(pair);
                    absorbed.addAll(pair.keywords());
                }
            }
        }
        List<ColumnInfo> infos = new ArrayList<>();
        Set<String> multi = new HashSet<>();
        Set<CombinedDateTime> placed = new HashSet<>();
        for (Column column : ordered) {
            if (absorbed.contains(column.keyword)) {
                for (CombinedDateTime pair : combined) {
                    if (pair.keywords().contains(column.keyword) && placed.add(pair)) {
                        infos.add(combinedInfo(pair, ordered));
                    }
                }
                continue;
            }
            infos.add(new ColumnInfo(column.name, suggestedType(column), column.sensitive, note(column)));
            if (column.multiValued) {
                multi.add(column.name);
            }
        }
        return new ColumnPlan(infos, multi, naming, combined, absorbed);
    }

    private boolean isIdentifying(DicomAttribute attribute) {
        return (attribute.tag() != null && profile.coversTag(attribute.tag()))
                || profile.coversName(attribute.keyword()) || profile.coversName(attribute.snakeName());
    }

    private ColumnInfo combinedInfo(CombinedDateTime pair, List<Column> ordered) {
        List<Column> parts = ordered.stream().filter(c -> pair.keywords().contains(c.keyword)).toList();
        boolean sensitive = parts.stream().anyMatch(c -> c.sensitive);
        String sources = parts.stream().map(this::note).filter(Objects::nonNull).collect(Collectors.joining(" + "));
        return new ColumnInfo(naming.combinedName(pair.prefix()), "datetime", sensitive,
                sources + ", offset from " + CombinedDateTime.TIMEZONE_KEYWORD + " (0008,0201) when present");
    }

    private static String suggestedType(Column column) {
        if (column.untyped || column.vrs.isEmpty()) {
            return null;
        }
        Set<String> suggestions = column.vrs.stream().map(vr -> vr.suggestedType(column.multiValued)).collect(Collectors.toSet());
        // Private tags can change VR between vendors' files; then the values decide.
        return suggestions.size() == 1 ? suggestions.iterator().next() : null;
    }

    private String note(Column column) {
        if (column.vrs.isEmpty()) {
            return null;
        }
        String vrs = column.vrs.stream().map(Vr::name).collect(Collectors.joining("/"));
        if (column.tag == null) {
            return vrs + ", typed from the JSON value (not a DICOM keyword)";
        }
        return vrs + " " + DicomTags.display(column.tag);
    }
}
