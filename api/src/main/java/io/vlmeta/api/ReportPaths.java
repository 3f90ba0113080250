package io.vlmeta.api;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the two files of a {@code --report} go: the HTML file at the path the user gave (or, for a name that
 * does not end in {@code .html} or {@code .htm}, beside it with {@code .html} added or put in place of
 * {@code .json}), the JSON file beside it with the same base name ({@code vlmeta-report.html} and
 * {@code vlmeta-report.json}). Shared by the report sink, which writes them, and the checks made before the first
 * request, which must judge the same two paths.
 *
 * @param html the HTML file; never null
 * @param json the JSON file; never null
 */
public record ReportPaths(Path html, Path json) {

    /**
     * @param given the {@code --report} path as the user gave it, with a file name; never null
     * @return the two files, in the folder {@code given} names
     */
    public static ReportPaths at(Path given) {
        String name = given.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean isHtml = lower.endsWith(".html") || lower.endsWith(".htm");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && (isHtml || lower.endsWith(".json")) ? name.substring(0, dot) : name;
        Path html = isHtml ? given : given.resolveSibling(base + ".html");
        return new ReportPaths(html, given.resolveSibling(base + ".json"));
    }
}
