package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.SourceLoc;
import java.util.Arrays;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;

/**
 * Turns CDT node offsets into {@link SourceLoc}s of the scanned file. A node produced by a macro
 * expansion carries the file location of the macro invocation, which is what a report should point
 * at. Nodes that come from elsewhere (prelude, headers) fall back to line 1.
 */
final class Locations {
  private final String reportedName;
  private final String cdtFileName;
  private final int[] lineStarts;
  private final int length;

  Locations(String reportedName, String cdtFileName, String text) {
    this.reportedName = reportedName;
    this.cdtFileName = cdtFileName;
    this.length = text.length();
    int[] starts = new int[64];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
  }

  /** Number of lines, counting a last line without a newline. */
  int lineCount() {
    if (length == 0) return 0;
    return lineStarts[lineStarts.length - 1] == length ? lineStarts.length - 1 : lineStarts.length;
  }

  boolean inThisFile(IASTNode node) {
    IASTFileLocation f = node.getFileLocation();
    return f != null && cdtFileName.equals(f.getFileName());
  }

  SourceLoc of(IASTNode node) {
    return span(node, node);
  }

  /** From the start of {@code first} to the end of {@code last}. */
  SourceLoc span(IASTNode first, IASTNode last) {
    IASTFileLocation a = first.getFileLocation();
    IASTFileLocation b = last.getFileLocation();
    if (a == null || !cdtFileName.equals(a.getFileName())) return SourceLoc.of(reportedName, 1, 1);
    if (b == null || !cdtFileName.equals(b.getFileName())) b = a;
    int start = a.getNodeOffset();
    int end = Math.max(start, b.getNodeOffset() + b.getNodeLength());
    return at(start, end);
  }

  SourceLoc at(int startOffset, int endOffset) {
    int sl = lineOf(startOffset);
    int el = lineOf(Math.max(startOffset, endOffset - 1));
    return new SourceLoc(
        reportedName,
        sl + 1,
        startOffset - lineStarts[sl] + 1,
        el + 1,
        endOffset - lineStarts[el] + 1);
  }

  SourceLoc fileStart() {
    return SourceLoc.of(reportedName, 1, 1);
  }

  private int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, length)));
    return i >= 0 ? i : -i - 2;
  }
}
