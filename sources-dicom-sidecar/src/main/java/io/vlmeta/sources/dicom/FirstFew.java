package io.vlmeta.sources.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * The first few of a long list of names or reasons, and how many there were in all, so that one
 * message can stand for many files without growing with them.
 */
final class FirstFew {
    private final int kept;
    private final List<String> first = new ArrayList<>();
    private int count;

    FirstFew(int kept) {
        this.kept = kept;
    }

    void add(String item) {
        if (first.size() < kept) {
            first.add(item);
        }
        count++;
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    List<String> first() {
        return List.copyOf(first);
    }

    /** @return e.g. {@code a.json, b.json, c.json and 7 more} */
    String joined(String separator) {
        String shown = String.join(separator, first);
        return count > first.size() ? shown + " and " + (count - first.size()) + " more" : shown;
    }
}
