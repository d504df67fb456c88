package dev.mrcheck.cli;

import dev.mrcheck.scan.PersistentCache;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;

/**
 * The analysis the commands run: {@link dev.mrcheck.scan.Scanner#analyze}, or a test's fake. Its
 * result goes through {@link dev.mrcheck.pipeline.FindingsPipeline} before anything is reported.
 */
@FunctionalInterface
public interface ScanFunction {
  ScanResult scan(ScanRequest request) throws ScanException;

  /** With a progress listener; a fake may ignore it. */
  default ScanResult scan(ScanRequest request, ScanListener listener) throws ScanException {
    return scan(request);
  }

  /** With the on-disk cache to reuse and fill (null: none); a fake may ignore it. */
  default ScanResult scan(ScanRequest request, ScanListener listener, PersistentCache cache)
      throws ScanException {
    return scan(request, listener);
  }
}
