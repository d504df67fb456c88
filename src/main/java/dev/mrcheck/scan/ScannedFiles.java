package dev.mrcheck.scan;

import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.ir.SourceLoc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Which files a scan reads: the walk of the scanned paths, open buffers, and "nothing there". */
final class ScannedFiles {
  private ScannedFiles() {}

  /**
   * The source files under the scanned paths; after buffer edits only, the previous walk's. A
   * directory that cannot be listed is added to {@code problems}.
   */
  static List<Path> discover(
      ScanRequest request,
      List<Frontend> frontends,
      ScanOverlay overlay,
      Path root,
      List<FileProblem> problems,
      SourceDiscovery.Lister lister)
      throws ScanException {
    ScanCache cache = overlay.cache();
    if (cache != null && overlay.diskUnchanged()) {
      List<Path> kept = cache.discovered(request.paths(), request.frontendOptions());
      if (kept != null) return kept;
    }
    SourceDiscovery.Found found = SourceDiscovery.find(request.paths(), accepts(frontends), lister);
    found
        .unreadableDirs()
        .forEach(
            (dir, reason) ->
                problems.add(
                    new FileProblem(
                        SourceLoc.of(SourceReads.relative(root, dir), 1, 1),
                        "cannot read directory: " + reason + "; the files in it are not scanned")));
    if (cache != null)
      cache.setDiscovered(request.paths(), request.frontendOptions(), found.files());
    return found.files();
  }

  /** The source files under the scanned paths, as a scan of {@code request} finds them. */
  static List<Path> sourceFiles(ScanRequest request) throws ScanException {
    List<Frontend> frontends = Frontends.create(request.frontendOptions(), request.paths());
    return SourceDiscovery.find(request.paths(), accepts(frontends)).files();
  }

  private static Predicate<String> accepts(List<Frontend> frontends) {
    return name -> frontends.stream().anyMatch(f -> f.accepts(name));
  }

  /**
   * A scan of nothing is a mistake (a wrong directory, a stale compilation database), not a clean
   * tree.
   */
  static ScanException nothingToScan(ScanRequest request, List<FileProblem> problems) {
    String where = String.join(", ", request.paths().stream().map(Path::toString).toList());
    String why =
        request.compilationDatabase() != null
            ? "no .java file, and no file that "
                + request.compilationDatabase().source()
                + " lists is there"
            : "no .c/.h/.java files";
    if (!problems.isEmpty()) {
      FileProblem first = problems.get(0);
      why +=
          "; "
              + first.loc().file()
              + ": "
              + first.message()
              + (problems.size() > 1
                  ? " (and " + (problems.size() - 1) + " more input problems)"
                  : "");
    }
    return new ScanException("nothing to scan in " + where + " (" + why + ")");
  }

  /** Open buffers not on disk (new or deleted files) that lie under a scanned path. */
  static List<Path> withUnsaved(
      List<Path> found, List<Path> paths, ScanOverlay overlay, List<Frontend> frontends) {
    if (overlay.texts().isEmpty()) return found;
    Set<Path> all = new TreeSet<>(found);
    for (Path p : overlay.texts().keySet()) {
      String name = p.getFileName().toString();
      boolean under = paths.stream().anyMatch(s -> p.startsWith(s.toAbsolutePath().normalize()));
      if (under
          && frontends.stream().anyMatch(f -> f.accepts(name))
          && !all.contains(p)
          && found.stream().noneMatch(f -> f.toAbsolutePath().normalize().equals(p))) all.add(p);
    }
    return new ArrayList<>(all);
  }
}
