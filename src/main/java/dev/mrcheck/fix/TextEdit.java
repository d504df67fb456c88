package dev.mrcheck.fix;

/**
 * Replace the text from ({@code startLine}, {@code startColumn}) up to, not including, ({@code
 * endLine}, {@code endColumn}) with {@code newText}. Lines and columns are 1-based, columns count
 * UTF-16 code units (as SARIF's {@code utf16CodeUnits} and LSP do); an insertion has an empty
 * range. {@code file} is the scan-relative name the finding uses.
 */
public record TextEdit(
    String file, int startLine, int startColumn, int endLine, int endColumn, String newText) {
  public TextEdit {
    if (startLine < 1
        || startColumn < 1
        || endLine < startLine
        || (endLine == startLine && endColumn < startColumn)) {
      throw new IllegalArgumentException(
          "bad range " + startLine + ":" + startColumn + "-" + endLine + ":" + endColumn);
    }
  }

  public static TextEdit insertion(String file, int line, int column, String text) {
    return new TextEdit(file, line, column, line, column, text);
  }

  /** The whole of line {@code line}, its line break included. */
  public static TextEdit deleteLine(String file, int line) {
    return new TextEdit(file, line, 1, line + 1, 1, "");
  }

  public boolean isInsertion() {
    return startLine == endLine && startColumn == endColumn;
  }
}
