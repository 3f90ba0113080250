package io.vlmeta.sinks.report;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the two report files go: the HTML file at the path the user gave, the JSON file beside it
 * with the same base name ({@code vlmeta-report.html} and {@code vlmeta-report.json}).
 *
 * @param html the HTML file
 * @param json the JSON file
 */
record ReportFiles(Path html, Path json) {

    static ReportFiles at(Path given) {
        String name = given.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean isHtml = lower.endsWith(".html") || lower.endsWith(".htm");
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && (isHtml || lower.endsWith(".json")) ? name.substring(0, dot) : name;
        Path html = isHtml ? given : given.resolveSibling(base + ".html");
        return new ReportFiles(html, given.resolveSibling(base + ".json"));
    }
}
