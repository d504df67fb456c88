package dev.mrcheck.cli;

import dev.mrcheck.scan.PersistentCache;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;

/** The scans of another {@link ScanFunction}, each given the run's on-disk cache. */
final class CachedScan implements ScanFunction {
  private final ScanFunction inner;
  private final PersistentCache cache;

  CachedScan(ScanFunction inner, PersistentCache cache) {
    this.inner = inner;
    this.cache = cache;
  }

  @Override
  public ScanResult scan(ScanRequest request) throws ScanException {
    return inner.scan(request, ScanListener.NONE, cache);
  }

  @Override
  public ScanResult scan(ScanRequest request, ScanListener listener) throws ScanException {
    return inner.scan(request, listener, cache);
  }
}
