package io.vlmeta.sinks.visuallayer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a key that matches nothing differs from a dataset path with the same file name up to case,
 * compatibility form and extension, and what the user can do about it. Works on strings: it runs
 * for a handful of unmatched keys, never per media item.
 *
 * @param path        the dataset's path, as the index holds it (NFC)
 * @param differences what differs, never empty
 * @param folderBlocks true when the folders differ in a way the match mode does not bridge
 */
record NearMiss(String path, Set<Difference> differences, boolean folderBlocks) {

    /** One way two paths can differ and still name one file for a person. */
    enum Difference {
        CASE("case"),
        UNICODE_FORM("Unicode form"),
        LEADING_FOLDER("leading folder"),
        EXTENSION("extension");

        private final String words;

        Difference(String words) {
            this.words = words;
        }
    }

    /**
     * @param key  the key, normalised as the index normalises keys
     * @param path a dataset path, normalised alike
     * @return how they differ, or {@code null} when their stems differ beyond case and compatibility
     *         form (a hash collision) or they do not differ at all
     */
    static NearMiss between(String key, String path, MatchMode mode) {
        Parts k = Parts.of(key);
        Parts p = Parts.of(path);
        Set<Difference> differences = EnumSet.noneOf(Difference.class);
        if (!sameWhenFolded(k.stem, p.stem, differences)) {
            return null;
        }
        if (!sameWhenFolded(k.extension, p.extension, differences)) {
            differences.add(Difference.EXTENSION);
        }
        boolean folderBlocks = false;
        if (!sameWhenFolded(k.folder, p.folder, differences)) {
            differences.add(Difference.LEADING_FOLDER);
            String kf = FoldedNames.fold(k.folder);
            String pf = FoldedNames.fold(p.folder);
            // a folder left off or added in front is bridged by the suffix rule; any other is not
            boolean nested = kf.endsWith(pf) || pf.endsWith(kf);
            if (nested && !(k.folder.endsWith(p.folder) || p.folder.endsWith(k.folder))) {
                differences.add(sameFoldedCase(k.folder, p.folder) ? Difference.CASE : Difference.UNICODE_FORM);
            }
            folderBlocks = !nested && (mode == MatchMode.PATH || mode == MatchMode.SUFFIX);
        }
        return differences.isEmpty() ? null : new NearMiss(path, differences, folderBlocks);
    }

    /** @return a measure of how far off the key is: fewer differences first */
    int distance() {
        return differences.size();
    }

    /**
     * @return what the user reads after "matches no media item in ...;", e.g. {@code the dataset has
     *         'images/img_001.jpg' (differs in case and leading folder). Paths match letter for letter:
     *         write the path as the dataset has it.}
     */
    String sentence(MatchMode mode) {
        List<String> words = new ArrayList<>();
        differences.forEach(d -> words.add(d.words));
        StringBuilder text = new StringBuilder("the dataset has '").append(path).append("' (differs in ")
                .append(joined(words)).append(").");
        boolean rename = differences.contains(Difference.CASE) || differences.contains(Difference.UNICODE_FORM);
        String option = null;
        if (differences.contains(Difference.EXTENSION) && mode != MatchMode.STEM) {
            option = "--match-by stem pairs file names whatever their folders and extension";
        } else if (folderBlocks) {
            option = "--match-by basename pairs file names whatever their folders";
        }
        if (rename) {
            text.append(" Paths match letter for letter: write the path as the dataset has it");
            text.append(option == null ? "." : "; " + option + ".");
        } else if (option != null) {
            text.append(' ').append(Character.toUpperCase(option.charAt(0))).append(option, 1, option.length())
                    .append('.');
        }
        return text.toString();
    }

    private static String joined(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** Adds how {@code a} and {@code b} differ when they fold alike; @return false when they do not */
    private static boolean sameWhenFolded(String a, String b, Set<Difference> differences) {
        if (a.equals(b)) {
            return true;
        }
        if (!FoldedNames.fold(a).equals(FoldedNames.fold(b))) {
            return false;
        }
        if (sameFoldedCase(a, b)) {
            differences.add(Difference.CASE);
        } else if (nfkc(a).equals(nfkc(b))) {
            differences.add(Difference.UNICODE_FORM);
        } else {
            differences.add(Difference.CASE);
            differences.add(Difference.UNICODE_FORM);
        }
        return true;
    }

    private static boolean sameFoldedCase(String a, String b) {
        return a.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)
                .equals(b.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** A path cut as {@link MediaPaths} cuts it: folders (with the last {@code /}), stem, extension (with its dot). */
    private record Parts(String folder, String stem, String extension) {
        static Parts of(String path) {
            int nameStart = path.lastIndexOf('/') + 1;
            int dot = path.lastIndexOf('.');
            int stemEnd = dot > nameStart ? dot : path.length();
            return new Parts(path.substring(0, nameStart), path.substring(nameStart, stemEnd),
                    path.substring(stemEnd));
        }
    }
}
