package dev.mrcheck.report;

import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.scan.FileProblem;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * Compiler-style diagnostics, one per line, so editors and {@code grep} can jump to them: {@code
 * path:line:col: error: message [MR002]}, then the call chain as clang-style notes (and, with
 * {@link #withReplay}, the runtime model's replay). Paths are the scan-relative file names prefixed
 * with {@code displayRoot} (the scanned directory as the user would type it, or empty). Paths and
 * messages come from the scanned tree, so they are written through {@link VisibleText}: a
 * diagnostic is always exactly one line.
 */
public final class TextReport implements Report {
  /** Replay notes are indented under their diagnostic, so the diagnostic itself stays greppable. */
  private static final String WITNESS_INDENT = "  ";

  private final String displayRoot;
  private final boolean replay;

  /**
   * Diagnostics with their call-chain notes; the runtime model's replay only with {@link
   * #withReplay}.
   */
  public TextReport(String displayRoot) {
    this(displayRoot, false);
  }

  private TextReport(String displayRoot, boolean replay) {
    this.displayRoot =
        displayRoot.isEmpty() || displayRoot.endsWith("/") ? displayRoot : displayRoot + "/";
    this.replay = replay;
  }

  /**
   * Also the runtime model's replay of each confirmed finding as indented notes ({@code scan
   * --trace}, {@code explain}). Off by default: as clang keeps its notes short, the default is the
   * diagnostic and the call chain, one to four lines a finding instead of about seventeen.
   */
  public TextReport withReplay(boolean on) {
    return new TextReport(displayRoot, on);
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    for (Finding f : result.findings()) {
      Optional<Confirmation> c = result.confirmation(f);
      String mark =
          c.map(x -> x.refuted() ? " [refuted]" : x.dropped() ? " [unconfirmed]" : "").orElse("");
      diagnostic(out, f.loc(), f.severity().label(), f.message() + " [" + f.ruleId() + "]" + mark);
      for (TraceStep step : f.trace()) {
        diagnostic(out, step.loc(), "note", step.message());
      }
      if (c.isPresent()) confirmationNotes(out, f, c.get());
    }
  }

  /**
   * The runtime model's replay, indented under the diagnostic: every replayed call and what it did,
   * in lifecycle order; a refuted finding gets the model's verdict instead.
   */
  private void confirmationNotes(Writer out, Finding f, Confirmation c) throws IOException {
    if (c.dropped()) {
      diagnostic(out, f.loc(), "note", c.verdict() + " (kept by --unconfirmed)");
      return;
    }
    if (!c.confirmed() || !replay) return;
    diagnostic(
        out,
        f.loc(),
        "note",
        "runtime model ("
            + c.semantics()
            + " semantics, "
            + c.scenario()
            + "): the witness replays as follows");
    for (TraceEntry e : c.witnessTrace()) {
      out.write(WITNESS_INDENT);
      if (e.loc() == null) {
        out.write("note: " + VisibleText.of(e.message()) + "\n");
      } else {
        diagnostic(out, e.loc(), "note", e.message());
      }
    }
  }

  /** Input problems (unparsable files, dropped functions), as warnings tagged {@code [input]}. */
  public void writeProblems(ScanResult result, Writer out) throws IOException {
    for (FileProblem p : result.problems()) {
      diagnostic(out, p.loc(), "warning", p.message() + " [input]");
    }
  }

  private void diagnostic(Writer out, SourceLoc loc, String level, String message)
      throws IOException {
    out.write(VisibleText.of(position(loc)));
    out.write(": ");
    out.write(level);
    out.write(": ");
    out.write(VisibleText.of(message));
    out.write('\n');
  }

  private String position(SourceLoc loc) {
    String path = displayRoot + loc.file();
    if (loc.line() <= 0) return path;
    return loc.column() <= 0
        ? path + ":" + loc.line()
        : path + ":" + loc.line() + ":" + loc.column();
  }
}
