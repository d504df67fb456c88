package dev.mrcheck.scan;

import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.TranslationUnit;
import java.nio.file.Path;
import java.util.Map;

/**
 * Editor state a scan reads instead of the disk (the language server's open buffers), and what
 * earlier scans left ({@link ScanCache}). {@code texts} is keyed by absolute normalized path; a
 * file there is scanned even if it is not (or no longer) on disk, as long as it lies under a
 * scanned path.
 */
public final class ScanOverlay {
  public static final ScanOverlay NONE = new ScanOverlay(Map.of(), false);

  private final Map<Path, String> texts;
  private final ScanCache cache;
  private final boolean diskUnchanged;
  private final PersistentCache.Run persistent;
  private final PersistentCache.IrCache disk;

  public ScanOverlay(Map<Path, String> texts, boolean keepBetweenScans) {
    this(texts, keepBetweenScans ? new ScanCache() : null, false, null, null);
  }

  private ScanOverlay(
      Map<Path, String> texts,
      ScanCache cache,
      boolean diskUnchanged,
      PersistentCache.Run persistent,
      PersistentCache.IrCache disk) {
    this.texts = Map.copyOf(texts);
    this.cache = cache;
    this.diskUnchanged = diskUnchanged;
    this.persistent = persistent;
    this.disk = disk;
  }

  /** This overlay with parses served by (and stored into) the on-disk cache. */
  ScanOverlay withPersistent(PersistentCache.Run run) {
    return new ScanOverlay(texts, cache, diskUnchanged, run, null);
  }

  /**
   * This overlay with the parses it does not keep in memory taken from (and stored into) the
   * on-disk cache's IR entries; files with an editor buffer are parsed as they are.
   */
  ScanOverlay withDiskParses(PersistentCache.IrCache irCache) {
    return new ScanOverlay(texts, cache, diskUnchanged, null, irCache);
  }

  /** The same cache with other buffer texts: one scan's view of the editor. */
  public ScanOverlay withTexts(Map<Path, String> newTexts) {
    return new ScanOverlay(newTexts, cache, false, null, null);
  }

  /**
   * As {@link #withTexts}, for a scan after buffer edits only: the files on disk are taken to be as
   * the previous scan found them (no directory walk, no stat), which is what makes a keystroke
   * cheap. The caller rescans the disk on open, save and file-watch events.
   */
  public ScanOverlay withEditedTexts(Map<Path, String> newTexts) {
    return new ScanOverlay(newTexts, cache, cache != null, null, null);
  }

  /** Whether this scan may reuse the previous scan's view of the disk. */
  boolean diskUnchanged() {
    return diskUnchanged;
  }

  public Map<Path, String> texts() {
    return texts;
  }

  /** What scans through this overlay keep for each other; null when nothing is kept. */
  public ScanCache cache() {
    return cache;
  }

  /** Forgets everything earlier scans left (frontend options or headers changed). */
  public void clearParses() {
    if (cache != null) cache.clear();
  }

  String text(Path file) {
    return texts.isEmpty() ? null : texts.get(file.toAbsolutePath().normalize());
  }

  TranslationUnit parse(Frontend frontend, SourceFile file) {
    if (persistent != null) return persistent.parse(frontend, file);
    if (cache == null) return frontend.parse(file);
    boolean fromDisk = disk != null && text(file.absolutePath()) == null;
    return cache.parse(frontend, file, fromDisk ? disk : null);
  }
}
