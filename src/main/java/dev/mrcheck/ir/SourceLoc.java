package dev.mrcheck.ir;

/**
 * A position in a scanned file; {@code file} is relative to the scan root, with '/' separators.
 * Lines and columns are 1-based.
 */
public record SourceLoc(String file, int line, int column, int endLine, int endColumn)
    implements Comparable<SourceLoc> {
  public static SourceLoc of(String file, int line, int column) {
    return new SourceLoc(file, line, column, line, column);
  }

  @Override
  public int compareTo(SourceLoc o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : Integer.compare(column, o.column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
