package dev.mrcheck.cli;

import dev.mrcheck.scan.ScanException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every file a scan reads (sources, configuration, models, baseline, compilation database), by real
 * path, so that no output option replaces one: {@code scan -o dev.c .} must not turn a source into
 * a report. {@code ./x}, {@code x} and a link to {@code x} are all the same file.
 */
final class ScanInputs {
  private final Map<Path, String> byRealPath = new LinkedHashMap<>();

  /**
   * Records {@code files} as {@code what} ("a scanned source", "the baseline"); the first label
   * wins.
   */
  ScanInputs add(String what, List<Path> files) {
    for (Path f : files) {
      if (f == null) continue;
      for (Path key : keys(f)) byRealPath.putIfAbsent(key, what);
    }
    return this;
  }

  ScanInputs add(String what, Path file) {
    return file == null ? this : add(what, List.of(file));
  }

  /**
   * Fails if writing {@code output} (given by {@code option}) would replace a file the scan reads.
   */
  void refuse(OutputFile output, String what) throws ScanException {
    for (Path key : keys(output.given())) {
      String input = byRealPath.get(key);
      if (input != null) {
        throw new ScanException(
            "refusing to write "
                + what
                + " to "
                + output.given()
                + ": it is "
                + input
                + " this scan reads");
      }
    }
  }

  /** Fails if two outputs are one file: the second write would replace the first. */
  static void refuseSame(OutputFile a, String whatA, OutputFile b, String whatB)
      throws ScanException {
    Set<Path> keysA = new HashSet<>(keys(a.given()));
    for (Path key : keys(b.given())) {
      if (keysA.contains(key)) {
        throw new ScanException(
            "refusing to write " + whatA + " and " + whatB + " to the same file " + b.given());
      }
    }
  }

  /**
   * The file itself with its directory resolved (what a move into place replaces, even when it is a
   * link) and, if it exists, the file it finally points to (what a reader of the link reads).
   */
  private static List<Path> keys(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path name = abs.getFileName();
    Path dir = abs.getParent();
    Path lexical = abs;
    if (dir != null && name != null) {
      try {
        lexical = dir.toRealPath().resolve(name);
      } catch (IOException e) {
        // A missing directory: the output check reports it; compare as written.
      }
    }
    try {
      Path real = Files.exists(abs) ? abs.toRealPath() : lexical;
      return real.equals(lexical) ? List.of(lexical) : List.of(lexical, real);
    } catch (IOException e) {
      return List.of(lexical);
    }
  }
}
