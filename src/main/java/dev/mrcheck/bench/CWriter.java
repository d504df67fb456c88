package dev.mrcheck.bench;

/**
 * Builds C text line by line with QEMU's four-space indentation and counts the lines as it goes, so
 * templates can fill a file up to an exact line budget.
 */
final class CWriter {
  private static final String[] INDENTS = new String[16];

  static {
    for (int i = 0; i < INDENTS.length; i++) {
      INDENTS[i] = "    ".repeat(i);
    }
  }

  private final StringBuilder text = new StringBuilder(4096);
  private int lines;
  private int depth;

  CWriter() {}

  /** A writer for text that will sit inside {@code depth} open blocks of another writer. */
  CWriter(int depth) {
    this.depth = depth;
  }

  CWriter line(String code) {
    if (!code.isEmpty()) {
      text.append(INDENTS[Math.min(depth, INDENTS.length - 1)]).append(code);
    }
    text.append('\n');
    lines++;
    return this;
  }

  CWriter blank() {
    return line("");
  }

  /** A line that opens a block ({@code if (x) {}}); what follows is indented one level more. */
  CWriter open(String code) {
    line(code);
    depth++;
    return this;
  }

  /** A line that closes a block ({@code }}, {@code };}). */
  CWriter close(String code) {
    depth--;
    line(code);
    return this;
  }

  CWriter close() {
    return close("}");
  }

  /** A line such as {@code } else {} or {@code case X:} that sits one level out. */
  CWriter outdented(String code) {
    depth--;
    line(code);
    depth++;
    return this;
  }

  CWriter append(CWriter other) {
    text.append(other.text);
    lines += other.lines;
    return this;
  }

  int lines() {
    return lines;
  }

  String text() {
    return text.toString();
  }
}
