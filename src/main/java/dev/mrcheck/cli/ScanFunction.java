package dev.mrcheck.cli;

import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;

/** What {@code mrcheck scan} runs: the real {@link dev.mrcheck.scan.Scanner}, or a test's fake. */
@FunctionalInterface
public interface ScanFunction {
  ScanResult scan(ScanRequest request) throws ScanException;

  /** With a progress listener; a fake may ignore it. */
  default ScanResult scan(ScanRequest request, ScanListener listener) throws ScanException {
    return scan(request);
  }
}
