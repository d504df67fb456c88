package dev.mrcheck.selftest;

import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A program rendered in one language: the file's name and text, and the line of every statement (by
 * identity), which is where the analysis reports a finding about it.
 */
public record RenderedSource(
    String language, String fileName, String text, Map<Stmt, Integer> lines) {
  public RenderedSource {
    lines = Collections.unmodifiableMap(new IdentityHashMap<>(lines));
  }

  public int lineOf(Stmt s) {
    Integer line = lines.get(s);
    if (line == null) throw new IllegalArgumentException("statement not rendered: " + s);
    return line;
  }

  /** Builds text line by line and remembers where statements land. */
  static final class Writer {
    private final StringBuilder text = new StringBuilder();
    private final Map<Stmt, Integer> lines = new IdentityHashMap<>();
    private int line;

    Writer line(String s) {
      text.append(s).append('\n');
      line++;
      return this;
    }

    /** Writes {@code s} and records it as the line of {@code stmt}. */
    Writer line(Stmt stmt, String s) {
      line(s);
      lines.put(stmt, line);
      return this;
    }

    RenderedSource done(String language, String fileName) {
      return new RenderedSource(language, fileName, text.toString(), lines);
    }
  }
}
