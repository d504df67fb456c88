package dev.mrcheck.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.TraceStep;
import dev.mrcheck.scan.FileProblem;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;

/**
 * The content of the SARIF report in a flat shape for scripts ({@code jq}): findings with
 * rule, level, position, message, trace and fingerprint; input problems; figures without wall
 * time. File names are relative to {@code root}.
 */
public final class JsonReport implements Report {
  /** Bumped when a field changes meaning or disappears; additions keep it. */
  public static final int FORMAT_VERSION = 1;

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Json.write(toJson(result), out);
  }

  public ObjectNode toJson(ScanResult result) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.putObject("tool").put("name", ToolInfo.NAME).put("version", ToolInfo.version());
    root.put("root", result.root().toAbsolutePath().normalize().toString());
    root.put("semantics", result.semantics());
    ArrayNode findings = root.putArray("findings");
    for (Finding f : result.findings()) findings.add(finding(f));
    ArrayNode problems = root.putArray("problems");
    for (FileProblem p : result.problems()) {
      position(problems.addObject(), p.loc()).put("message", p.message());
    }
    root.set("stats", Json.MAPPER.valueToTree(StableStats.of(result.stats())));
    return root;
  }

  private static ObjectNode finding(Finding f) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("rule", f.ruleId());
    n.put("level", f.severity().label());
    position(n, f.loc());
    n.put("endLine", f.loc().endLine());
    n.put("endColumn", f.loc().endColumn());
    n.put("message", f.message());
    ArrayNode trace = n.putArray("trace");
    for (TraceStep step : f.trace()) position(trace.addObject(), step.loc()).put("message", step.message());
    n.put("fingerprint", f.fingerprint());
    return n;
  }

  private static ObjectNode position(ObjectNode n, SourceLoc loc) {
    return n.put("file", loc.file()).put("line", loc.line()).put("column", loc.column());
  }
}
