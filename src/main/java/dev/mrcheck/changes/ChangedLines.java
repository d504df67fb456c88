package dev.mrcheck.changes;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.TraceStep;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The lines of a repository that changed since a revision (see {@link GitChanges}), keyed by path
 * relative to the repository's top level, and the filter that keeps the findings a change touches:
 * the finding's own range or any step of its trace lies on a changed line. The whole tree is still
 * analyzed, so a finding keeps its full context (a changed unrealize still sees the unchanged realize).
 */
public final class ChangedLines {
  private final Path repoRoot;
  private final String revision;
  private final Map<String, LineRanges> files;

  ChangedLines(Path repoRoot, String revision, Map<String, LineRanges> files) {
    this.repoRoot = repoRoot;
    this.revision = revision;
    this.files = Map.copyOf(files);
  }

  /** {@code result} with only the findings that touch a changed line; problems and figures are kept. */
  public ScanResult keepTouched(ScanResult result) {
    String prefix = prefixOf(result.root());
    List<Finding> kept = result.findings().stream().filter(f -> touches(f, prefix)).toList();
    return new ScanResult(result.root(), result.semantics(), kept, result.problems(), result.stats(),
        result.confirmations());
  }

  /** The stderr line of a diff-mode scan: how much of the tree's findings the change accounts for. */
  public String summary(int inTree, int kept) {
    return "mrcheck: " + kept + " of " + inTree + " finding" + (inTree == 1 ? "" : "s") + " touch lines changed since "
        + revision + " (" + files.size() + " changed file" + (files.size() == 1 ? "" : "s") + ")";
  }

  boolean touches(Finding f, String prefix) {
    if (touches(f.loc(), prefix)) return true;
    for (TraceStep step : f.trace()) if (touches(step.loc(), prefix)) return true;
    return false;
  }

  private boolean touches(SourceLoc loc, String prefix) {
    if (loc == null) return false;
    LineRanges lines = files.get(repoPath(loc.file(), prefix));
    return lines != null && lines.intersects(loc.line(), Math.max(loc.line(), loc.endLine()));
  }

  /** Report paths are relative to the scan root; the diff's are relative to the repository's top level. */
  private String prefixOf(Path scanRoot) {
    Path root = real(scanRoot);
    if (!root.startsWith(repoRoot)) return null;
    String rel = repoRoot.relativize(root).toString().replace('\\', '/');
    return rel.isEmpty() ? "" : rel + "/";
  }

  private String repoPath(String reported, String prefix) {
    Path p = Path.of(reported);
    if (p.isAbsolute()) {
      Path abs = real(p);
      return abs.startsWith(repoRoot) ? repoRoot.relativize(abs).toString().replace('\\', '/') : reported;
    }
    return prefix == null ? reported : prefix + reported;
  }

  /** Git prints the top level with symbolic links resolved; resolve ours the same way. */
  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | RuntimeException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  @Override
  public String toString() {
    return "changes since " + revision + " in " + repoRoot + ": " + files;
  }
}
