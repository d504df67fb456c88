package dev.mrcheck.cli;

import dev.mrcheck.scan.PersistentCache;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanListener;
import dev.mrcheck.scan.ScanProfile;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import java.io.PrintWriter;

/**
 * {@code scan --profile}: runs the scans of another {@link ScanFunction} and prints each one's
 * {@link ScanProfile#summary()} (phase times, files and lines parsed, work counts) on stderr.
 */
final class ProfiledScan implements ScanFunction {
  private final ScanFunction inner;
  private final PrintWriter err;

  ProfiledScan(ScanFunction inner, PrintWriter err) {
    this.inner = inner;
    this.err = err;
  }

  @Override
  public ScanResult scan(ScanRequest request) throws ScanException {
    return scan(request, ScanListener.NONE);
  }

  @Override
  public ScanResult scan(ScanRequest request, ScanListener listener) throws ScanException {
    return scan(request, listener, null);
  }

  @Override
  public ScanResult scan(ScanRequest request, ScanListener listener, PersistentCache cache)
      throws ScanException {
    ScanProfile[] seen = new ScanProfile[1];
    ScanResult result =
        inner.scan(
            request,
            new ScanListener() {
              @Override
              public void phase(String name) {
                listener.phase(name);
              }

              @Override
              public void filesFound(int total) {
                listener.filesFound(total);
              }

              @Override
              public void fileDone() {
                listener.fileDone();
              }

              @Override
              public void profile(ScanProfile profile) {
                seen[0] = profile;
                listener.profile(profile);
              }
            },
            cache);
    err.print(
        seen[0] != null ? seen[0].summary() : "mrcheck profile: not available for this scan\n");
    if (cache != null) err.println("  " + cache.store().countsLine());
    err.flush();
    return result;
  }
}
