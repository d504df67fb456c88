package dev.mrcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mrcheck.ToolInfo;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.scan.FileProblem;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.suppress.Suppressed;
import java.io.IOException;
import java.io.Writer;

/**
 * The content of the SARIF report in a flat shape for scripts ({@code jq}): findings with rule,
 * level, position, message, trace and fingerprint; input problems; figures without wall time. File
 * names are relative to {@code root}, the report's {@link SourceRoot}.
 */
public final class JsonReport implements Report {
  /** Bumped when a field changes meaning or disappears; additions keep it. */
  public static final int FORMAT_VERSION = 1;

  private final SourceRoot base;

  /** Paths relative to the scan root. */
  public JsonReport() {
    this(null);
  }

  /** Paths relative to {@code base} (null: the scan root). */
  public JsonReport(SourceRoot base) {
    this.base = base;
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Json.write(toJson(result), out);
  }

  /**
   * {@code mrcheck scan --compare}: the findings only under {@code appearing}'s semantics and those
   * only under {@code disappearing}'s, in the shape of {@link #toJson} findings.
   */
  public void writeComparison(ScanResult appearing, ScanResult disappearing, Writer out)
      throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("semantics", appearing.semantics());
    root.put("comparedWith", disappearing.semantics());
    root.set("appearing", toJson(appearing).get("findings"));
    root.set("disappearing", toJson(disappearing).get("findings"));
    Json.write(root, out);
  }

  public ObjectNode toJson(ScanResult result) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.putObject("tool").put("name", ToolInfo.NAME).put("version", ToolInfo.version());
    SourceRoot b = base(result);
    root.put("root", b.dir().toString());
    root.put("semantics", result.semantics());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings())
      findings.add(finding(b, f, result.confirmation(f).orElse(null)));
    if (!result.suppressions().suppressed().isEmpty()) {
      // Only when there are some: the shape of a report without suppressions stays as it was.
      ArrayNode suppressed = root.putArray("suppressed");
      for (Suppressed x : result.suppressions().suppressed()) {
        suppressed.add(
            finding(b, x.finding(), result.confirmation(x.finding()).orElse(null))
                .put("justification", x.justification()));
      }
    }
    ArrayNode problems = root.putArray("problems");
    for (FileProblem p : result.problems()) {
      position(b, problems.addObject(), p.loc()).put("message", p.message());
    }
    root.set("stats", Json.MAPPER.valueToTree(StableStats.of(result.stats())));
    return root;
  }

  private SourceRoot base(ScanResult result) {
    return base != null ? base : SourceRoot.of(result.root());
  }

  private static ObjectNode finding(SourceRoot b, Finding f, Confirmation c) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("rule", f.ruleId());
    n.put("level", f.severity().label());
    position(b, n, f.loc());
    n.put("endLine", f.loc().endLine());
    n.put("endColumn", f.loc().endColumn());
    n.put("message", f.message());
    ArrayNode trace = n.putArray("trace");
    for (TraceStep step : f.trace())
      position(b, trace.addObject(), step.loc()).put("message", step.message());
    n.put("fingerprint", f.fingerprint());
    if (c != null) {
      n.put("confirmed", c.confirmed());
      if (c.refuted()) n.put("refuted", c.refutation());
      n.put("semantics", c.semantics());
      n.put("scenario", c.scenario());
      n.put("verdict", c.verdict());
      ArrayNode witness = n.putArray("witnessTrace");
      for (TraceEntry e : c.witnessTrace()) {
        ObjectNode step = witness.addObject();
        if (e.loc() != null) position(b, step, e.loc());
        step.put("message", e.message());
      }
    }
    return n;
  }

  private static ObjectNode position(SourceRoot b, ObjectNode n, SourceLoc loc) {
    return n.put("file", b.path(loc.file())).put("line", loc.line()).put("column", loc.column());
  }
}
