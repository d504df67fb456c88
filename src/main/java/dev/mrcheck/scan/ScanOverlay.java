package dev.mrcheck.scan;

import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.TranslationUnit;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Editor state a scan reads instead of the disk (the language server's open buffers), and parses
 * kept from earlier scans. {@code texts} is keyed by absolute normalized path; a file there is
 * scanned even if it is not (or no longer) on disk, as long as it lies under a scanned path.
 *
 * <p>A parse depends only on the file's text and the frontend options, so a unit is reused while
 * the text is the same; whoever changes the options (or headers under {@code -I}) must
 * {@link #clearParses()}.
 */
public final class ScanOverlay {
  public static final ScanOverlay NONE = new ScanOverlay(Map.of(), false);

  private record CachedParse(String text, TranslationUnit unit) {}

  private final Map<Path, String> texts;
  private final Map<Path, CachedParse> parses;

  public ScanOverlay(Map<Path, String> texts, boolean cacheParses) {
    this.texts = Map.copyOf(texts);
    this.parses = cacheParses ? new ConcurrentHashMap<>() : null;
  }

  /** The same parse cache with other buffer texts: one scan's view of the editor. */
  public ScanOverlay withTexts(Map<Path, String> newTexts) {
    return new ScanOverlay(newTexts, parses);
  }

  private ScanOverlay(Map<Path, String> texts, Map<Path, CachedParse> parses) {
    this.texts = Map.copyOf(texts);
    this.parses = parses;
  }

  public Map<Path, String> texts() {
    return texts;
  }

  public void clearParses() {
    if (parses != null) parses.clear();
  }

  String text(Path file) {
    return texts.isEmpty() ? null : texts.get(file.toAbsolutePath().normalize());
  }

  TranslationUnit parse(Frontend frontend, SourceFile file) {
    if (parses == null) return frontend.parse(file);
    Path key = file.absolutePath().toAbsolutePath().normalize();
    CachedParse cached = parses.get(key);
    // Text equality, not a hash: exact, and as cheap as hashing the text would be.
    if (cached != null && cached.text().equals(file.text())
        && cached.unit().file().equals(file.relativePath())) return cached.unit();
    TranslationUnit unit = frontend.parse(file);
    parses.put(key, new CachedParse(file.text(), unit));
    return unit;
  }
}
