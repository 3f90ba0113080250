package io.vlmeta.sinks.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vlmeta.api.FieldCounts;
import io.vlmeta.api.FieldOutcome;
import io.vlmeta.api.Plural;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ReportDocument} as one self-contained HTML page: inline CSS (with a print
 * style), inline SVG charts, no script, no font, no link to anything outside the file. Every piece
 * of user text goes through {@link Html#escape(String)}.
 */
final class HtmlReport {
    private static final String CSS = """
            :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bar: #3b6fd8; --bad: #b3261e;
                    --warn: #8a5a00; --good: #1e7b34; --paper: #ffffff; --soft: #f4f6fa; }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1040px; padding: 24px 28px 48px; color: var(--ink);
                   background: var(--paper); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
                   "Helvetica Neue", Arial, sans-serif; }
            h1 { font-size: 26px; margin: 0 0 6px; }
            h2 { font-size: 20px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 16px; margin: 18px 0 8px; }
            .type { color: var(--muted); font-weight: normal; }
            .status { display: inline-block; padding: 6px 12px; border-radius: 6px; font-weight: 600; margin: 6px 0; }
            .status.ok { background: #e6f4ea; color: var(--good); }
            .status.fail { background: #fce8e6; color: var(--bad); }
            nav { margin: 12px 0; color: var(--muted); }
            nav a { color: var(--bar); margin-right: 12px; text-decoration: none; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 14px; }
            th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
            th { background: var(--soft); font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            table.facts th { width: 180px; }
            .error { color: var(--bad); font-weight: 600; }
            .warning { color: var(--warn); font-weight: 600; }
            .note { color: var(--muted); }
            pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 10px;
                  overflow-x: auto; font: 12.5px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
            .stats { list-style: none; padding: 0; margin: 4px 0 10px; display: flex; flex-wrap: wrap; gap: 6px 18px; }
            .stats li { color: var(--muted); } .stats b { color: var(--ink); }
            svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
            svg.chart rect { fill: var(--bar); }
            svg.chart .label { fill: var(--ink); font: 12px system-ui, Arial, sans-serif; }
            svg.chart .count { fill: var(--muted); font: 11px system-ui, Arial, sans-serif; }
            svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
            section.field { break-inside: avoid-page; }
            details summary { cursor: pointer; color: var(--muted); }
            footer { margin-top: 36px; color: var(--muted); font-size: 13px; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11pt; }
              nav { display: none; }
              details > summary { display: none; }
              h2 { break-after: avoid-page; }
              section.field, table tr, svg.chart { break-inside: avoid-page; }
              pre { white-space: pre-wrap; word-break: break-all; max-height: none; }
              .status { border: 1px solid currentColor; }
              svg.chart rect { fill: #555; }
            }
            """;

    private final ObjectWriter json;

    /** @param json a writer for the declaration and entry listings */
    HtmlReport(ObjectWriter json) {
        this.json = json;
    }

    String render(ReportDocument report, String jsonFileName) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"vlmeta-run-id\" content=\"").append(Html.escape(report.runId())).append("\">\n")
                .append("<title>vlmeta ").append("validation".equals(report.kind()) ? "validation report: " : "report: ")
                .append(Html.escape(report.input())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(page, report);
        overview(page, report);
        plan(page, report);
        coverage(page, report);
        problems(page, report);
        for (int i = 0; i < report.fields().size(); i++) {
            field(page, report.fields().get(i), i, report.dryRun());
        }
        outcomes(page, report);
        page.append("<footer>Written by vlmeta at ").append(Html.escape(report.generatedAt()))
                .append(", run ").append(Html.escape(report.runId())).append(". The same report as data: <code>")
                .append(Html.escape(jsonFileName)).append("</code> beside this file, if its <code>run_id</code> is ")
                .append(Html.escape(report.runId())).append("; another run ID means that file is another run's.")
                .append("</footer>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void header(StringBuilder page, ReportDocument report) {
        page.append("<header>\n<h1>vlmeta ").append(switch (report.kind()) {
                    case "validation" -> "validation report";
                    case "dry-run" -> "dry-run report";
                    default -> "upload report";
                })
                .append("</h1>\n");
        if (report.gatePassed()) {
            page.append("<p class=\"status ok\" id=\"status\">Validation passed: ")
                    .append(Numbers.count(report.rows())).append(Plural.noun(report.rows(), " row, ", " rows, "))
                    .append(Plural.count(report.fields().size(), "field"))
                    .append(report.dryRun() ? ". Nothing was sent." : ".").append("</p>\n");
        } else {
            page.append("<p class=\"status fail\" id=\"status\">Validation failed: ")
                    .append(Numbers.count(report.errorCount())).append(report.errorCount() == 1 ? " error" : " errors")
                    .append(". Nothing was uploaded.</p>\n");
        }
        page.append("<nav><a href=\"#overview\">Overview</a><a href=\"#plan\">Plan</a>")
                .append("<a href=\"#problems\">Problems</a>");
        for (int i = 0; i < report.fields().size(); i++) {
            page.append("<a href=\"#field-").append(i).append("\">").append(Html.escape(report.fields().get(i).name()))
                    .append("</a>");
        }
        page.append("</nav>\n</header>\n");
    }

    private static void overview(StringBuilder page, ReportDocument report) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Input", report.input());
        facts.put("Source", report.source());
        facts.put("Media mapping", report.mapping());
        if (report.datasetId() != null) {
            facts.put("Dataset ID", report.datasetId());
        }
        if (report.baseUrl() != null) {
            facts.put("Base URL", report.baseUrl());
        }
        facts.put("Rows read", Numbers.count(report.rows()));
        facts.put("Fields", Integer.toString(report.fields().size()));
        facts.put("Errors", Numbers.count(report.errorCount()));
        facts.put("Warnings", Numbers.count(report.warningCount()));
        facts.put("Written", report.generatedAt());
        facts.put("Run ID", report.runId());
        page.append("<section id=\"overview\">\n<h2>Overview</h2>\n<table class=\"facts\">\n");
        facts.forEach((name, value) -> page.append("<tr><th>").append(name).append("</th><td>")
                .append(Html.escape(value)).append("</td></tr>\n"));
        page.append("</table>\n</section>\n");
    }

    private static void plan(StringBuilder page, ReportDocument report) {
        page.append("<section id=\"plan\">\n<h2>Plan</h2>\n<table>\n<tr><th>Field</th><th>Type</th><th>Why</th>")
                .append("<th>Declared as</th><th class=\"num\">Values</th><th class=\"num\">Empty</th>")
                .append("<th class=\"num\">Invalid</th><th class=\"num\">Unmatched</th>")
                .append("<th class=\"num\">To upload</th></tr>\n");
        for (int i = 0; i < report.fields().size(); i++) {
            ReportDocument.FieldSection field = report.fields().get(i);
            FieldCounts counts = field.counts();
            page.append("<tr><td><a href=\"#field-").append(i).append("\">").append(Html.escape(field.name()))
                    .append("</a></td><td>").append(Html.escape(field.type())).append("</td><td>")
                    .append(Html.escape(field.reason())).append("</td><td>").append(Html.escape(declaredAs(field)))
                    .append("</td>")
                    .append(numberCell(counts == null ? null : counts.values()))
                    .append(numberCell(counts == null ? null : counts.empty()))
                    .append(numberCell(counts == null ? null : counts.invalid()))
                    .append(numberCell(counts == null ? null : counts.unmatched()))
                    .append(numberCell(field.opened() ? field.entries() : null)).append("</tr>\n");
        }
        page.append("</table>\n</section>\n");
    }

    private static String declaredAs(ReportDocument.FieldSection field) {
        Map<String, Object> body = field.declaration();
        if (body == null) {
            return "(not declared)";
        }
        Object options = body.get("enum_options");
        if (options instanceof List<?> list) {
            return (Boolean.TRUE.equals(body.get("is_multi")) ? "enum, multi, " : "enum, ") + list.size()
                    + (list.size() == 1 ? " option" : " options");
        }
        return String.valueOf(body.get("field_type"));
    }

    private static String numberCell(Long value) {
        return "<td class=\"num\">" + (value == null ? "–" : Numbers.count(value)) + "</td>";
    }

    /** How many dataset media get a value, and the first ones that get none. */
    private static void coverage(StringBuilder page, ReportDocument report) {
        io.vlmeta.api.Coverage coverage = report.coverage();
        if (coverage == null) {
            return;
        }
        page.append("<section id=\"coverage\">\n<h2>Coverage</h2>\n<p id=\"coverage-summary\">")
                .append(Numbers.count(coverage.withValues())).append(" of ").append(Numbers.count(coverage.media()))
                .append(" dataset media ").append(Plural.noun(coverage.withValues(), "gets", "get"))
                .append(" at least one value");
        if (coverage.withoutValues() == 0) {
            page.append(".</p>\n</section>\n");
            return;
        }
        page.append("; ").append(Numbers.count(coverage.withoutValues())).append(' ')
                .append(Plural.noun(coverage.withoutValues(), "gets", "get")).append(" none")
                .append(coverage.firstWithout().size() < coverage.withoutValues()
                        ? " (the first " + Numbers.count(coverage.firstWithout().size()) + " are listed; "
                        + "--json lists them all)" : "").append(".</p>\n")
                .append("<details><summary>Media without a value</summary>\n<table class=\"uncovered\">\n")
                .append("<tr><th>Path</th><th>Media id</th></tr>\n");
        for (io.vlmeta.api.Coverage.Media media : coverage.firstWithout()) {
            page.append("<tr><td>").append(Html.escape(media.path())).append("</td><td><code>")
                    .append(Html.escape(media.mediaId())).append("</code></td></tr>\n");
        }
        page.append("</table>\n</details>\n</section>\n");
    }

    private static void problems(StringBuilder page, ReportDocument report) {
        page.append("<section id=\"problems\">\n<h2>Problems</h2>\n");
        long found = report.errorCount() + report.warningCount();
        if (found == 0) {
            page.append("<p>No problems found.</p>\n</section>\n");
            return;
        }
        page.append("<p>").append(plural(report.errorCount(), "error")).append(" and ")
                .append(plural(report.warningCount(), "warning")).append(" found");
        if (report.problemsKept() < found) {
            page.append("; the first ").append(Numbers.count(report.problemsKept())).append(" are listed");
        }
        page.append(".</p>\n");
        refusedValues(page, report);
        Map<String, List<ReportDocument.ProblemLine>> groups = new LinkedHashMap<>();
        report.problems().forEach(p -> groups.computeIfAbsent(p.categoryTitle(), t -> new ArrayList<>()).add(p));
        groups.forEach((title, lines) -> {
            page.append("<h3>").append(Html.escape(title)).append(" (").append(Numbers.count(lines.size()))
                    .append(")</h3>\n<table class=\"problems\">\n<tr><th>Severity</th><th>Where</th><th>Field</th>")
                    .append("<th>Problem</th></tr>\n");
            for (ReportDocument.ProblemLine line : lines) {
                page.append("<tr><td class=\"").append(line.severity()).append("\">").append(line.severity())
                        .append("</td><td>").append(Html.escape(where(line))).append("</td><td>")
                        .append(Html.escape(line.field())).append("</td><td>").append(Html.escape(line.text()))
                        .append("</td></tr>\n");
            }
            page.append("</table>\n");
        });
        page.append("</section>\n");
    }

    /** Each field's refused values, the most frequent first, with how often each was refused. */
    private static void refusedValues(StringBuilder page, ReportDocument report) {
        for (io.vlmeta.api.InvalidValues field : report.invalidValues()) {
            page.append("<h3 class=\"refused\">Refused values of ").append(Html.escape(field.field())).append(" (")
                    .append(Numbers.count(field.invalid())).append(field.invalid() == 1 ? " value" : " values")
                    .append(field.mostFrequent().isEmpty() ? ")" : "; the most frequent)").append("</h3>\n")
                    .append("<table class=\"refused\">\n<tr><th>Value</th><th class=\"num\">Count</th></tr>\n");
            for (io.vlmeta.api.InvalidValues.Count count : field.mostFrequent()) {
                page.append("<tr><td><code>").append(Html.escape(count.value())).append("</code></td><td class=\"num\">")
                        .append(Numbers.count(count.count())).append("</td></tr>\n");
            }
            page.append("</table>\n");
            if (!field.exact()) {
                page.append("<p class=\"note\">So many different values were refused that only the first 10,000 "
                        + "different ones were counted.</p>\n");
            }
        }
    }

    private static String plural(long n, String noun) {
        return Numbers.count(n) + " " + Plural.noun(n, noun, noun + "s");
    }

    private static String where(ReportDocument.ProblemLine line) {
        if (line.file() == null) {
            return "whole field";
        }
        return line.sheet() == null ? line.file() + ", row " + line.row()
                : line.file() + ", sheet '" + line.sheet() + "', row " + line.row();
    }

    private void field(StringBuilder page, ReportDocument.FieldSection field, int index, boolean dryRun) {
        page.append("<section class=\"field\" id=\"field-").append(index).append("\">\n<h2>")
                .append(Html.escape(field.name())).append(" <span class=\"type\">(")
                .append(Html.escape(field.type())).append(")</span></h2>\n");
        if (!field.opened()) {
            page.append("<p class=\"note\">Not declared: ")
                    .append(field.declaration() == null ? "validation did not pass."
                            : dryRun ? "it was not opened for upload." : "it went to the server; see Upload below.")
                    .append("</p>\n");
        } else {
            page.append("<p>").append(Numbers.count(field.entries())).append(field.entries() == 1 ? " entry" : " entries")
                    .append(" would be uploaded.</p>\n");
            statistics(page, field);
        }
        if (field.declaration() != null) {
            page.append("<h3>Declaration</h3>\n<pre class=\"declaration\">")
                    .append(Html.escape(pretty(field.declaration()))).append("</pre>\n");
        }
        if (!field.firstEntries().isEmpty()) {
            page.append("<h3>").append(field.firstEntries().size() == 1 ? "The first entry"
                            : "First " + field.firstEntries().size() + " entries").append(", as uploaded</h3>\n")
                    .append(field.firstEntries().get(0).get("media_id") == null
                            ? "<p class=\"note\">media_id is null: paths were not checked against a dataset "
                            + "(give a dataset id or an export file to map them).</p>\n" : "")
                    .append(samples(field, 0, Math.min(SAMPLES_SHOWN, field.firstEntryRows().size())))
                    .append("<details><summary>")
                    .append(field.firstEntryRows().size() > SAMPLES_SHOWN ? "The other entries, and all of them "
                            : "The same entries ").append("as the upload carries them (JSON)</summary>\n")
                    .append(samples(field, SAMPLES_SHOWN, field.firstEntryRows().size()))
                    .append("<pre class=\"entries\">").append(Html.escape(onePerLine(field.firstEntries())))
                    .append("</pre>\n</details>\n");
        }
        page.append("</section>\n");
    }

    /** Sample rows shown before the rest are folded away, so the charts stay near the top. */
    static final int SAMPLES_SHOWN = 5;

    /** @return the samples {@code from} (inclusive) to {@code to} as path, media id and value; "" when none */
    private static String samples(ReportDocument.FieldSection field, int from, int to) {
        if (from >= to) {
            return "";
        }
        StringBuilder table = new StringBuilder("<table class=\"samples\">\n<tr><th class=\"num\">#</th>")
                .append("<th>Path (where)</th><th>Media id</th><th>Value</th></tr>\n");
        for (int i = from; i < to; i++) {
            Map<String, Object> entry = field.firstEntries().get(i);
            table.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>")
                    .append(Html.escape(field.firstEntryRows().get(i))).append("</td><td><code>")
                    .append(Html.escape(String.valueOf(entry.get("media_id")))).append("</code></td><td>")
                    .append(Html.escape(String.valueOf(entry.get("value")))).append("</td></tr>\n");
        }
        return table.append("</table>\n").toString();
    }

    private static void statistics(StringBuilder page, ReportDocument.FieldSection field) {
        StatisticsView view = field.statistics();
        String name = field.name();
        if (view instanceof StatisticsView.Categories c) {
            page.append("<ul class=\"stats\"><li>").append(c.unit().equals("host") ? "hosts" : "distinct values")
                    .append(": <b>").append(c.capped() ? "more than " : "").append(Numbers.count(c.distinct()))
                    .append("</b></li><li>").append(c.unit().equals("host") ? "links" : "values counted")
                    .append(": <b>").append(Numbers.count(c.total())).append("</b></li></ul>\n");
            List<StatisticsView.Bar> bars = new ArrayList<>(c.top());
            if (c.othersCount() > 0) {
                bars.add(new StatisticsView.Bar("others (" + (c.capped() ? "more than " : "")
                        + Numbers.count(c.othersDistinct()) + ")", c.othersCount()));
            }
            if (!bars.isEmpty()) {
                page.append(SvgCharts.horizontalBars(bars, "Distribution of " + name)).append('\n');
            }
        } else if (view instanceof StatisticsView.Histogram h) {
            page.append("<ul class=\"stats\"><li>min: <b>").append(Numbers.decimal(h.min())).append("</b></li>")
                    .append("<li>max: <b>").append(Numbers.decimal(h.max())).append("</b></li>")
                    .append("<li>mean: <b>").append(Numbers.decimal(h.mean())).append("</b></li>");
            if (h.outOfRange() > 0) {
                page.append("<li>beyond double range: <b>").append(Numbers.count(h.outOfRange())).append("</b></li>");
            }
            page.append("</ul>\n");
            List<StatisticsView.Bar> bars = h.bins().stream().map(b -> new StatisticsView.Bar(
                    Numbers.decimal(b.from()) + " to " + Numbers.decimal(b.to()), b.count())).toList();
            if (!bars.isEmpty()) {
                page.append(SvgCharts.columns(bars, new SvgCharts.AxisLabels(Numbers.decimal(h.min()),
                        h.min() == h.max() ? null : Numbers.decimal((h.min() + h.max()) / 2), Numbers.decimal(h.max())),
                        "Histogram of " + name)).append('\n');
            }
        } else if (view instanceof StatisticsView.Timeline t) {
            page.append("<ul class=\"stats\"><li>from: <b>").append(Html.escape(t.first())).append("</b></li>")
                    .append("<li>to: <b>").append(Html.escape(t.last())).append("</b></li>")
                    .append("<li>per: <b>").append(t.granularity()).append("</b></li>");
            if (t.unreadable() > 0) {
                page.append("<li>not drawn: <b>").append(Numbers.count(t.unreadable())).append("</b></li>");
            }
            page.append("</ul>\n");
            List<StatisticsView.Bar> bars = t.buckets();
            if (!bars.isEmpty()) {
                SvgCharts.AxisLabels axis = new SvgCharts.AxisLabels(bars.get(0).label(),
                        bars.size() > 2 ? bars.get(bars.size() / 2).label() : null, bars.get(bars.size() - 1).label());
                page.append(SvgCharts.columns(bars, axis, "Timeline of " + name)).append('\n');
            }
        } else if (view instanceof StatisticsView.Text x) {
            page.append("<ul class=\"stats\"><li>shortest: <b>").append(Numbers.count(x.minLength()))
                    .append("</b> characters</li><li>longest: <b>").append(Numbers.count(x.maxLength()))
                    .append("</b> characters</li><li>mean: <b>").append(Numbers.decimal(x.meanLength()))
                    .append("</b> characters</li></ul>\n");
        }
    }

    private static void outcomes(StringBuilder page, ReportDocument report) {
        if (report.dryRun() || report.outcomes().isEmpty()) {
            return;
        }
        page.append("<section id=\"outcomes\">\n<h2>Upload</h2>\n<table>\n<tr><th>Field</th><th>Status</th>")
                .append("<th class=\"num\">Sent</th><th class=\"num\">Inserted</th><th class=\"num\">Rejected</th>")
                .append("<th>Note</th></tr>\n");
        for (FieldOutcome outcome : report.outcomes()) {
            page.append("<tr><td>").append(Html.escape(outcome.fieldName())).append("</td><td>")
                    .append(outcome.status()).append("</td>").append(numberCell(outcome.sent()))
                    .append(numberCell(outcome.inserted() < 0 ? null : outcome.inserted()))
                    .append(numberCell(outcome.rejected())).append("<td>").append(Html.escape(outcome.message()))
                    .append("</td></tr>\n");
        }
        page.append("</table>\n</section>\n");
    }

    private String pretty(Object value) {
        try {
            return json.withDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("plain JSON values always serialise", impossible);
        }
    }

    /** The entries as the JSON array the upload carries, one entry per line so it reads as a list. */
    private String onePerLine(List<Map<String, Object>> entries) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < entries.size(); i++) {
            try {
                out.append("  ").append(json.writeValueAsString(entries.get(i)))
                        .append(i < entries.size() - 1 ? ",\n" : "\n");
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException("plain JSON values always serialise", impossible);
            }
        }
        return out.append("]").toString();
    }
}
