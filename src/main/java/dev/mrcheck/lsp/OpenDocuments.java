package dev.mrcheck.lsp;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The editor's open buffers: their text (what the scan reads instead of the disk) and version.
 * Changes arrive incrementally; positions are LSP's (0-based line, UTF-16 column), which are
 * exactly Java string indices within a line.
 */
final class OpenDocuments {
  /** Buffers above this size are not analyzed: a generated table is not device code. */
  static final int MAX_CHARS = 4 * 1024 * 1024;

  record Document(String uri, Path path, int version, String text) {}

  private final Map<Path, Document> byPath = new HashMap<>();

  synchronized void open(String uri, Path path, int version, String text) {
    byPath.put(path, new Document(uri, path, version, text));
  }

  synchronized void close(Path path) {
    byPath.remove(path);
  }

  synchronized Document get(Path path) {
    return byPath.get(path);
  }

  /** Applies the changes in order; a change without a range replaces the whole text. */
  synchronized Document change(
      Path path, int version, List<TextDocumentContentChangeEvent> changes) {
    Document d = byPath.get(path);
    if (d == null) return null;
    String text = d.text();
    for (TextDocumentContentChangeEvent c : changes) {
      if (c.getRange() == null) {
        text = c.getText();
      } else {
        int from = offset(text, c.getRange().getStart());
        int to = Math.max(from, offset(text, c.getRange().getEnd()));
        text = text.substring(0, from) + c.getText() + text.substring(to);
      }
    }
    Document updated = new Document(d.uri(), path, version, text);
    byPath.put(path, updated);
    return updated;
  }

  /** The texts the scan should read: every open buffer small enough to analyze. */
  synchronized Map<Path, String> overlay() {
    Map<Path, String> out = new HashMap<>();
    for (Document d : byPath.values())
      if (d.text().length() <= MAX_CHARS) out.put(d.path(), d.text());
    return out;
  }

  synchronized List<Document> all() {
    return List.copyOf(byPath.values());
  }

  /**
   * The string index of an LSP position; positions past a line's end or the text's end are clamped.
   */
  static int offset(String text, Position pos) {
    int line = 0;
    int i = 0;
    while (line < pos.getLine() && i < text.length()) {
      char c = text.charAt(i++);
      if (c == '\n' || (c == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) line++;
    }
    if (line < pos.getLine()) return text.length();
    int end = i;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
    return Math.min(i + Math.max(0, pos.getCharacter()), end);
  }
}
