package dev.mrcheck.scan;

/** Runs a scan: finds files, parses the relevant ones in parallel, analyzes, runs the rules. */
public final class Scanner {
  public ScanResult scan(ScanRequest request) throws ScanException {
    throw new ScanException("not implemented yet");
  }
}
