package dev.mrcheck.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The directory every report's paths are relative to ({@code %SRCROOT%} in SARIF, {@code root} in
 * JSON, the paths of text and HTML), and the scan root's place under it. GitHub code scanning maps
 * SARIF results to files by their path from the repository root, so the base is the enclosing git
 * repository's root when there is one (a {@code .git} directory or worktree file), else the working
 * directory when the scan root is inside it, else the scan root itself. Findings keep their
 * scan-relative file names; {@link #path} puts the scan root's prefix in front.
 *
 * @param dir the base directory, absolute and normalized
 * @param prefix the scan root relative to {@code dir}, '/'-separated, empty or ending in '/'
 */
public record SourceRoot(Path dir, String prefix) {
  public SourceRoot {
    dir = dir.toAbsolutePath().normalize();
    if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix = prefix + "/";
  }

  /** Paths relative to the scan root itself (the language server, tests). */
  public static SourceRoot of(Path scanRoot) {
    return new SourceRoot(scanRoot, "");
  }

  /** The base for a scan of {@code scanRoot} run from {@code workingDir}: see the class comment. */
  public static SourceRoot enclosing(Path scanRoot, Path workingDir) {
    Path root = scanRoot.toAbsolutePath().normalize();
    Path git = gitRoot(root);
    Path cwd = workingDir.toAbsolutePath().normalize();
    Path base = git != null ? git : root.startsWith(cwd) ? cwd : root;
    return new SourceRoot(base, relative(base, root));
  }

  /** A scan-relative file name as a path from {@link #dir}. */
  public String path(String scanRelative) {
    return prefix + scanRelative;
  }

  private static Path gitRoot(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) return p;
    }
    return null;
  }

  private static String relative(Path base, Path root) {
    String rel = base.relativize(root).toString().replace('\\', '/');
    return rel.isEmpty() ? "" : rel + "/";
  }
}
