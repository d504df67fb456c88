package dev.mrcheck.report;

import dev.mrcheck.ToolInfo;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.fix.FilePatch;
import dev.mrcheck.fix.Fix;
import dev.mrcheck.fix.Fixes;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.scan.FileProblem;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One self-contained HTML page: a summary per rule and per directory, then each finding with the
 * code around it, its trace, the runtime model's replay with a drawing of the object graph it built
 * (inline SVG), and the mechanical fix as a diff when there is one. CSS and the small filter script
 * are inlined and a Content-Security-Policy forbids loading anything, so the page works offline.
 * Same scan, same sources, same bytes.
 */
public final class HtmlReport implements Report {
  /** Lines of code shown before and after the finding's line. */
  static final int EXCERPT_CONTEXT = 3;

  private static final String CSP =
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

  /**
   * The lifecycle phase headings of a witness trace (LifecycleReplay's "== ... ==" markers,
   * unwrapped).
   */
  private static final Pattern PHASE =
      Pattern.compile(
          "^(?:(?:instance_init|realize|run time|unrealize|instance_finalize)"
              + " of |(?:unplug|throw-away instance|qdev after unrealize): |last external reference on )");

  private final Map<String, RuleInfo> rules = new TreeMap<>();
  private final SourceTexts sources;
  private final Map<String, Optional<String>> texts = new HashMap<>();
  private SourceTexts excerpts;
  private final Map<String, Optional<String>> excerptTexts = new HashMap<>();
  private SourceRoot configuredBase;

  /** The base of the report being written. */
  private SourceRoot base;

  /**
   * {@code rules}: the rules that ran; {@code sources}: the scanned files, for excerpts and fixes.
   */
  public HtmlReport(List<RuleInfo> rules, SourceTexts sources) {
    for (RuleInfo r : rules) this.rules.put(r.id(), r);
    this.sources = sources;
    this.excerpts = sources;
  }

  /**
   * Code excerpts read from {@code texts} ({@link SourceTexts#under}: a file with invalid UTF-8
   * still shows, as the frontends read it); fixes stay computed on {@code sources} ({@link
   * SourceTexts#exact}), as {@code mrcheck fix} would apply them.
   */
  public HtmlReport withExcerpts(SourceTexts texts) {
    this.excerpts = texts;
    return this;
  }

  /** Paths shown relative to {@code base} (by default, to the scan root). */
  public HtmlReport withBase(SourceRoot base) {
    this.configuredBase = base;
    return this;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    base = configuredBase != null ? configuredBase : SourceRoot.of(result.root());
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"")
        .append(ToolInfo.NAME)
        .append(' ')
        .append(Html.escape(ToolInfo.version()))
        .append("\">\n<title>mrcheck report: ")
        .append(
            Html.escape(
                result.root().getFileName() == null ? "/" : result.root().getFileName().toString()))
        .append("</title>\n<style>\n")
        .append(resource("report.css"))
        .append("</style>\n</head>\n<body>\n");
    header(b, result);
    summary(b, result);
    problems(b, result);
    filters(b, result);
    b.append("<main id=\"findings\">\n");
    if (result.findings().isEmpty()) b.append("<p id=\"no-findings\">No findings.</p>\n");
    int i = 0;
    for (Finding f : result.findings()) finding(b, f, result.confirmation(f).orElse(null), ++i);
    b.append("</main>\n<script>\n")
        .append(resource("report.js"))
        .append("</script>\n</body>\n</html>\n");
    out.write(b.toString());
  }

  private void header(StringBuilder b, ScanResult result) {
    b.append("<header>\n<h1>mrcheck report</h1>\n<p class=\"meta\">")
        .append(Html.escape(result.root().toAbsolutePath().normalize().toString()))
        .append(" &middot; semantics <b>")
        .append(Html.escape(result.semantics()))
        .append("</b> &middot; ")
        .append(result.stats().filesFound())
        .append(" files, ")
        .append(result.stats().functions())
        .append(" functions, ")
        .append("<b id=\"finding-count\">")
        .append(result.findings().size())
        .append("</b> findings &middot; ")
        .append(ToolInfo.NAME)
        .append(' ')
        .append(Html.escape(ToolInfo.version()))
        .append("</p>\n</header>\n");
  }

  private void summary(StringBuilder b, ScanResult result) {
    Map<String, Map<Severity, Integer>> byRule = new TreeMap<>();
    Map<String, Map<String, Integer>> byDir = new TreeMap<>();
    TreeSet<String> ruleIds = new TreeSet<>();
    for (Finding f : result.findings()) {
      byRule.computeIfAbsent(f.ruleId(), k -> new TreeMap<>()).merge(f.severity(), 1, Integer::sum);
      byDir
          .computeIfAbsent(directory(base.path(f.loc().file())), k -> new TreeMap<>())
          .merge(f.ruleId(), 1, Integer::sum);
      ruleIds.add(f.ruleId());
    }
    b.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"summary\">\n");
    b.append("<table id=\"by-rule\">\n<caption>Per rule</caption>\n<tr><th>rule</th><th>name</th>");
    for (Severity s : Severity.values())
      b.append("<th class=\"n\">").append(s.label()).append("</th>");
    b.append("<th class=\"n\">total</th></tr>\n");
    byRule.forEach(
        (id, counts) -> {
          RuleInfo info = rules.get(id);
          b.append("<tr data-rule=\"")
              .append(Html.escape(id))
              .append("\"><td class=\"rule\">")
              .append(Html.escape(id))
              .append("</td><td>")
              .append(info == null ? "" : Html.escape(info.name()))
              .append("</td>");
          int total = 0;
          for (Severity s : Severity.values()) {
            int n = counts.getOrDefault(s, 0);
            total += n;
            b.append("<td class=\"n\">").append(n == 0 ? "" : n).append("</td>");
          }
          b.append("<td class=\"n\">").append(total).append("</td></tr>\n");
        });
    b.append("</table>\n");
    b.append(
        "<table id=\"by-directory\">\n<caption>Per directory</caption>\n<tr><th>directory</th>");
    for (String id : ruleIds)
      b.append("<th class=\"n rule\">").append(Html.escape(id)).append("</th>");
    b.append("<th class=\"n\">total</th></tr>\n");
    byDir.forEach(
        (dir, counts) -> {
          b.append("<tr><td class=\"loc\">").append(Html.escape(dir)).append("</td>");
          for (String id : ruleIds) {
            int n = counts.getOrDefault(id, 0);
            b.append("<td class=\"n\">").append(n == 0 ? "" : n).append("</td>");
          }
          b.append("<td class=\"n\">")
              .append(counts.values().stream().mapToInt(Integer::intValue).sum())
              .append("</td></tr>\n");
        });
    b.append("</table>\n</div>\n</section>\n");
  }

  /**
   * The input problems (files not parsed, functions dropped): what the findings may be missing.
   * Collapsed, with counts by kind in the summary line, then every problem at its place.
   */
  private void problems(StringBuilder b, ScanResult result) {
    if (result.problems().isEmpty()) return;
    b.append("<section id=\"problems\">\n<details><summary>Input problems: ")
        .append(result.problems().size())
        .append(" (");
    String sep = "";
    for (Map.Entry<String, Integer> e : ProblemKinds.count(result.problems()).entrySet()) {
      b.append(sep).append(Html.escape(e.getKey())).append(": ").append(e.getValue());
      sep = ", ";
    }
    b.append(")</summary>\n<ul class=\"problems\">\n");
    for (FileProblem p : result.problems()) {
      b.append("<li><span class=\"where\">")
          .append(Html.escape(position(p.loc())))
          .append("</span> <span class=\"kind\">")
          .append(Html.escape(ProblemKinds.of(p)))
          .append("</span> ")
          .append(Html.escape(p.message()))
          .append("</li>\n");
    }
    b.append("</ul>\n</details>\n</section>\n");
  }

  private void filters(StringBuilder b, ScanResult result) {
    TreeSet<String> ruleIds = new TreeSet<>();
    for (Finding f : result.findings()) ruleIds.add(f.ruleId());
    b.append("<form id=\"filters\" onsubmit=\"return false\">\n<fieldset><legend>Rules</legend>");
    for (String id : ruleIds) checkbox(b, "rule", id, id);
    b.append("</fieldset>\n<fieldset><legend>Severity</legend>");
    for (Severity s : Severity.values()) checkbox(b, "severity", s.label(), s.label());
    b.append("</fieldset>\n<span id=\"shown\">")
        .append(result.findings().size())
        .append(" findings</span>\n</form>\n");
  }

  private static void checkbox(StringBuilder b, String kind, String value, String label) {
    b.append("<label><input type=\"checkbox\" checked data-filter=\"")
        .append(kind)
        .append("\" value=\"")
        .append(Html.escape(value))
        .append("\"> ")
        .append(Html.escape(label))
        .append("</label>");
  }

  private void finding(StringBuilder b, Finding f, Confirmation c, int index) {
    String id = "f" + index;
    b.append("<article class=\"finding\" id=\"")
        .append(id)
        .append("\" data-rule=\"")
        .append(Html.escape(f.ruleId()))
        .append("\" data-severity=\"")
        .append(f.severity().label())
        .append("\">\n<h3><span class=\"sev ")
        .append(f.severity().label())
        .append("\">")
        .append(f.severity().label())
        .append("</span> <span class=\"rule\">")
        .append(Html.escape(f.ruleId()))
        .append("</span>");
    RuleInfo info = rules.get(f.ruleId());
    if (info != null) b.append(' ').append(Html.escape(info.name()));
    b.append(" <span class=\"loc\">").append(Html.escape(position(f.loc()))).append("</span>");
    if (c != null && c.confirmed()) b.append("<span class=\"badge confirmed\">confirmed</span>");
    if (c != null && c.refuted()) b.append("<span class=\"badge unconfirmed\">refuted</span>");
    else if (c != null && c.dropped())
      b.append("<span class=\"badge unconfirmed\">unconfirmed</span>");
    b.append("</h3>\n<p class=\"message\">").append(Html.escape(f.message())).append("</p>\n");
    excerpt(b, f.loc());
    if (!f.trace().isEmpty()) {
      b.append("<details class=\"trace\" open><summary>Trace</summary>\n<ol class=\"trace\">\n");
      for (TraceStep s : f.trace()) traceItem(b, s.loc(), s.message());
      b.append("</ol>\n</details>\n");
    }
    if (c != null && c.replayed()) replay(b, c, id);
    fix(b, f);
    b.append("</article>\n");
  }

  private void replay(StringBuilder b, Confirmation c, String id) {
    b.append("<details class=\"replay\" open><summary>Runtime model (")
        .append(Html.escape(c.semantics()))
        .append(" semantics, ")
        .append(Html.escape(c.scenario()))
        .append(")</summary>\n<p class=\"verdict\">")
        .append(Html.escape(c.verdict()))
        .append("</p>\n");
    if (!c.graph().isEmpty()) {
      b.append("<figure class=\"graph\">")
          .append(GraphSvg.render(c.graph(), id))
          .append("\n<figcaption class=\"legend\">")
          .append(
              "<span><i style=\"background:#dbeafe\"></i>owner</span><span><i style=\"background:#fef3c7\"></i>region</span>")
          .append("<span><i style=\"background:#dcfce7\"></i>container</span>")
          .append(
              "<span><i style=\"background:#ede9fe;border-radius:6px\"></i>address space</span>")
          .append("<span>dashed box: finalized; red box: leaked; dashed arrow: reference; ")
          .append("red arrow: what the finding is about</span></figcaption></figure>\n");
    }
    if (!c.witnessTrace().isEmpty()) {
      b.append("<ol class=\"trace witness\">\n");
      for (TraceEntry e : c.witnessTrace()) {
        if (e.loc() == null && PHASE.matcher(e.message()).find()) {
          b.append("<li class=\"phase\">").append(Html.escape(e.message())).append("</li>\n");
        } else {
          traceItem(b, e.loc(), e.message());
        }
      }
      b.append("</ol>\n");
    }
    b.append("</details>\n");
  }

  private void fix(StringBuilder b, Finding f) {
    Optional<Fix> fix = Fixes.forFinding(f, sources);
    if (fix.isEmpty()) return;
    StringBuilder diff = new StringBuilder();
    for (String file : fix.get().edits().stream().map(e -> e.file()).distinct().sorted().toList()) {
      Optional<String> text = text(file);
      if (text.isEmpty()) return;
      diff.append(
          new FilePatch(
                  file,
                  text.get(),
                  fix.get().edits().stream().filter(e -> e.file().equals(file)).toList())
              .unifiedDiff(base.prefix()));
    }
    b.append("<details class=\"fix\"><summary>Fix: ")
        .append(Html.escape(fix.get().description()))
        .append(" (<code>mrcheck fix</code>)</summary>\n<pre class=\"diff\">");
    for (String line : diff.toString().split("\n")) {
      String cls =
          line.startsWith("@@")
              ? "hunk"
              : line.startsWith("+") && !line.startsWith("+++")
                  ? "add"
                  : line.startsWith("-") && !line.startsWith("---") ? "del" : "ctx";
      b.append("<span class=\"line ")
          .append(cls)
          .append("\">")
          .append(Html.escape(line))
          .append("</span>");
    }
    b.append("</pre>\n</details>\n");
  }

  private void excerpt(StringBuilder b, SourceLoc loc) {
    Optional<String> text =
        excerptTexts.computeIfAbsent(loc.file(), f -> Optional.ofNullable(excerpts.read(f)));
    if (text.isEmpty() || loc.line() < 1) {
      b.append("<p class=\"excerpt missing\">(source not available)</p>\n");
      return;
    }
    String[] lines = text.get().split("\r\n|\r|\n", -1);
    int from = Math.max(1, loc.line() - EXCERPT_CONTEXT);
    int to = Math.min(lines.length, loc.line() + EXCERPT_CONTEXT);
    b.append("<pre class=\"excerpt\" data-file=\"")
        .append(Html.escape(loc.file()))
        .append("\" data-line=\"")
        .append(loc.line())
        .append("\"><code>");
    for (int l = from; l <= to; l++) {
      b.append("<span class=\"line")
          .append(l == loc.line() ? " hit" : "")
          .append("\"><span class=\"ln\">")
          .append(l)
          .append("</span>")
          .append(Html.escape(lines[l - 1]))
          .append("</span>");
    }
    b.append("</code></pre>\n");
  }

  private void traceItem(StringBuilder b, SourceLoc loc, String message) {
    b.append("<li>");
    if (loc != null)
      b.append("<span class=\"where\">").append(Html.escape(position(loc))).append("</span> ");
    b.append(Html.escape(message)).append("</li>\n");
  }

  private Optional<String> text(String file) {
    return texts.computeIfAbsent(file, f -> Optional.ofNullable(sources.read(f)));
  }

  private String position(SourceLoc loc) {
    String file = base.path(loc.file());
    if (loc.line() <= 0) return file;
    return file + ":" + loc.line() + (loc.column() > 0 ? ":" + loc.column() : "");
  }

  private static String directory(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "." : file.substring(0, slash);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
