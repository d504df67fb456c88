package dev.mrcheck.changes;

import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a repository that changed since a revision (see {@link GitChanges}), keyed by path
 * relative to the repository's top level, and the filter that keeps the findings a change touches:
 * a changed line lies in the function the finding is reported in, or on a step of its trace. The
 * finding's whole function counts because a rule reports where the consequence lands: commenting
 * out the {@code memory_region_del_subregion()} above an {@code object_unparent()} changes the line
 * above the finding, not the finding's. The whole tree is still analyzed, so a finding keeps its
 * full context (a changed unrealize still sees the unchanged realize).
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

  /**
   * {@code result} with only the findings that touch a changed line; problems and figures are kept.
   */
  public ScanResult keepTouched(ScanResult result) {
    String prefix = prefixOf(result.root());
    Map<String, FunctionSpans> spans = new HashMap<>();
    List<Finding> kept =
        result.findings().stream().filter(f -> touches(f, prefix, result.root(), spans)).toList();
    return new ScanResult(
        result.root(),
        result.semantics(),
        kept,
        result.problems(),
        result.stats(),
        result.confirmations());
  }

  /**
   * The stderr line of a diff-mode scan: how much of the tree's findings the change accounts for.
   */
  public String summary(int inTree, int kept) {
    return "mrcheck: "
        + kept
        + " of "
        + inTree
        + " finding"
        + (inTree == 1 ? "" : "s")
        + " touch lines changed since "
        + revision
        + " ("
        + files.size()
        + " changed file"
        + (files.size() == 1 ? "" : "s")
        + ")";
  }

  private boolean touches(Finding f, String prefix, Path root, Map<String, FunctionSpans> spans) {
    LineRanges changed = f.loc() == null ? null : files.get(repoPath(f.loc().file(), prefix));
    if (changed != null) {
      FunctionSpans fs = spans.computeIfAbsent(f.loc().file(), file -> spansOf(root.resolve(file)));
      int[] function = fs.around(f.loc().line());
      if (changed.intersects(
          Math.min(function[0], f.loc().line()), Math.max(function[1], f.loc().endLine()))) {
        return true;
      }
    }
    for (TraceStep step : f.trace()) if (touches(step.loc(), prefix)) return true;
    return false;
  }

  private boolean touches(SourceLoc loc, String prefix) {
    if (loc == null) return false;
    LineRanges lines = files.get(repoPath(loc.file(), prefix));
    return lines != null && lines.intersects(loc.line(), Math.max(loc.line(), loc.endLine()));
  }

  private static FunctionSpans spansOf(Path file) {
    try {
      return FunctionSpans.of(
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8),
          file.toString().endsWith(".java"));
    } catch (IOException | RuntimeException e) {
      return FunctionSpans.of("", false); // unreadable now: the finding's own lines still count
    }
  }

  /**
   * Report paths are relative to the scan root; the diff's are relative to the repository's top
   * level.
   */
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
      return abs.startsWith(repoRoot)
          ? repoRoot.relativize(abs).toString().replace('\\', '/')
          : reported;
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
