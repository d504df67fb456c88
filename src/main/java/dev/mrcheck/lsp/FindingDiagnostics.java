package dev.mrcheck.lsp;

import dev.mrcheck.ToolInfo;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.report.VisibleText;
import dev.mrcheck.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Findings as LSP diagnostics. Scan locations are 1-based with an exclusive end column, LSP's
 * 0-based.
 */
final class FindingDiagnostics {
  static final String SOURCE = "mrcheck";

  private FindingDiagnostics() {}

  static Diagnostic of(Finding f, Path root) {
    Diagnostic d = new Diagnostic(range(f.loc()), VisibleText.of(f.message()));
    d.setSeverity(
        switch (f.severity()) {
          case ERROR -> DiagnosticSeverity.Error;
          case WARNING -> DiagnosticSeverity.Warning;
          case NOTE -> DiagnosticSeverity.Information;
        });
    d.setCode(f.ruleId());
    d.setCodeDescription(new DiagnosticCodeDescription(ToolInfo.ruleHelpUri(f.ruleId())));
    d.setSource(SOURCE);
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (TraceStep step : f.trace()) {
      if (step.loc() == null) continue;
      related.add(
          new DiagnosticRelatedInformation(
              new Location(uri(root, step.loc()), range(step.loc())),
              VisibleText.of(step.message())));
    }
    if (!related.isEmpty()) d.setRelatedInformation(related);
    return d;
  }

  static Range range(SourceLoc loc) {
    int line = Math.max(0, loc.line() - 1);
    int col = Math.max(0, loc.column() - 1);
    int endLine = Math.max(line, loc.endLine() - 1);
    int endCol = loc.endColumn() - 1;
    if (endLine == line && endCol < col) endCol = col;
    return new Range(new Position(line, col), new Position(endLine, Math.max(0, endCol)));
  }

  static Path path(Path root, SourceLoc loc) {
    return root.resolve(loc.file()).toAbsolutePath().normalize();
  }

  static String uri(Path root, SourceLoc loc) {
    return path(root, loc).toUri().toString();
  }
}
