package dev.mrcheck.cli;

import dev.mrcheck.fix.FilePatch;
import dev.mrcheck.fix.Fix;
import dev.mrcheck.fix.FixPlan;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.fix.TextEdit;
import dev.mrcheck.report.VisibleText;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;

/**
 * Applies (or, with {@code diffOnly}, prints as a unified diff) the mechanical fixes of a scan's
 * findings. This is the one place mrcheck writes into the scanned tree, and only when asked: {@code
 * mrcheck fix} or {@code mrcheck scan --fix}. Each file is replaced atomically.
 */
final class FixRun {
  private FixRun() {}

  /** Returns how many fixes were applied (or would be, with {@code diffOnly}). */
  static int run(
      ScanResult result,
      Set<String> rules,
      boolean diffOnly,
      String displayRoot,
      PrintWriter out,
      PrintWriter err)
      throws IOException, ScanException {
    FixPlan plan = FixPlan.of(result.findings(), SourceTexts.exact(result.root()), rules);
    String prefix =
        displayRoot.isEmpty() || displayRoot.endsWith("/") ? displayRoot : displayRoot + "/";
    int files = 0;
    if (diffOnly) {
      // Named from the repository root (the reports' base): git apply and patch -p1 run there.
      out.print(plan.unifiedDiff(prefix));
      out.flush();
    } else {
      for (FilePatch p : plan.patches()) {
        if (!p.changes()) continue;
        new OutputFile(result.root().resolve(p.file())).write(w -> w.write(p.after()));
        files++;
      }
      for (Fix f : plan.fixes()) {
        TextEdit first = f.edits().get(0);
        err.println(
            VisibleText.of(
                prefix
                    + first.file()
                    + ":"
                    + first.startLine()
                    + ": fixed "
                    + f.ruleId()
                    + ": "
                    + f.description()));
      }
    }
    int skipped = plan.patches().stream().mapToInt(p -> p.skipped().size()).sum();
    err.println(
        "mrcheck: "
            + plan.fixes().size()
            + " fix"
            + (plan.fixes().size() == 1 ? "" : "es")
            + (diffOnly
                ? " shown (nothing written)"
                : " applied in " + files + " file" + (files == 1 ? "" : "s"))
            + (plan.unfixable().isEmpty()
                ? ""
                : ", " + plan.unfixable().size() + " finding(s) without a mechanical fix")
            + (skipped == 0 ? "" : ", " + skipped + " overlapping edit(s) left for a second run"));
    err.flush();
    return plan.fixes().size();
  }
}
