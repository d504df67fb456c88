package dev.mrcheck.changes;

import dev.mrcheck.scan.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asks git what changed since a revision in the repository that holds a directory: the committed
 * changes since the revision and the working tree's uncommitted ones ({@code git diff REV}, which
 * compares the revision with the working tree), plus untracked files, which count as wholly
 * changed. Git runs read-only: {@code GIT_OPTIONAL_LOCKS=0} keeps it from refreshing the index, so
 * nothing is written into the scanned repository.
 */
public final class GitChanges {
  private GitChanges() {}

  /**
   * Asks the repository holding {@code path} (a directory, or a file's directory). Any failure (git
   * missing, not a repository, unknown revision) is a {@link ScanException} with one clear line.
   */
  public static ChangedLines since(String revision, Path path) throws ScanException {
    if (revision.isBlank() || revision.startsWith("-")) {
      throw new ScanException("bad revision '" + revision + "' for --changed-since");
    }
    Path abs = path.toAbsolutePath().normalize();
    Path dir = Files.isDirectory(abs) || abs.getParent() == null ? abs : abs.getParent();
    Result top = git(dir, "rev-parse", "--show-toplevel");
    if (top.exit != 0) {
      String why = top.firstErrorLine();
      throw new ScanException(
          why.startsWith("not a git repository")
              ? "--changed-since: " + dir + " is not in a git repository"
              : "--changed-since: cannot use git in " + dir + ": " + why);
    }
    Path repoRoot = Path.of(top.out.strip());
    Result verify = git(repoRoot, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
    if (verify.exit != 0) {
      throw new ScanException(
          "--changed-since: unknown revision '" + revision + "' in " + repoRoot);
    }
    Result diff =
        git(
            repoRoot,
            "-c",
            "core.quotepath=off",
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--no-relative",
            "--unified=0",
            "-M",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            verify.out.strip(),
            "--");
    if (diff.exit != 0)
      throw new ScanException("--changed-since: git diff failed: " + diff.firstErrorLine());
    Map<String, LineRanges> files = new LinkedHashMap<>(UnifiedDiff.parse(diff.out));
    Result untracked = git(repoRoot, "ls-files", "-z", "--others", "--exclude-standard");
    if (untracked.exit != 0)
      throw new ScanException(
          "--changed-since: git ls-files failed: " + untracked.firstErrorLine());
    for (String name : untracked.out.split("\0")) {
      if (!name.isEmpty())
        files.put(name, new LineRanges.Builder().add(1, LineRanges.END_OF_FILE).build());
    }
    files.values().removeIf(LineRanges::isEmpty);
    return new ChangedLines(real(repoRoot), revision, files);
  }

  private record Result(int exit, String out, String err) {
    String firstErrorLine() {
      String line = err.strip().lines().findFirst().orElse("exit code " + exit);
      return line.startsWith("fatal: ") ? line.substring(7) : line;
    }
  }

  private static Result git(Path dir, String... args) throws ScanException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
    pb.environment().put("LC_ALL", "C");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new ScanException(
          "--changed-since needs git, which could not be run: " + e.getMessage(), e);
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      String out = readAll(p.getInputStream());
      return new Result(p.waitFor(), out, err.join());
    } catch (IOException | RuntimeException e) {
      p.destroyForcibly();
      throw new ScanException("--changed-since: running git failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ScanException("interrupted");
    }
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
