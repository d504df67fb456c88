package dev.mrcheck.fix;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A temporary copy of some testdata/c files (the fix tests edit it), and scans of it. */
public final class FixTestTree {
  /**
   * Findings with a mechanical fix (MR002 plain and guarded, MR004 warning) and one without (MR004
   * error).
   */
  public static final List<String> FILES =
      List.of(
          "mr002_unparent_no_del_pci_exit.c",
          "mr002_goto_fail_skips_del.c",
          "mr002_vfio_like_quirks_unparent_no_del.c",
          "mr004_shared_teardown_helper_in_finalize.c");

  private FixTestTree() {}

  public static Path copy(Path dir) throws IOException {
    for (String f : FILES) Files.copy(Path.of("testdata/c").resolve(f), dir.resolve(f));
    return dir;
  }

  public static ScanResult scan(Path dir, Set<String> rules) throws ScanException {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(dir),
                Semantics.CURRENT,
                rules,
                List.of(),
                new FrontendOptions(List.of(), Map.of()),
                2,
                false));
  }
}
