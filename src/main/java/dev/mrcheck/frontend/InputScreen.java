package dev.mrcheck.frontend;

import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.SourceLoc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a frontend checks in a file's raw text before parsing it: a {@code /*} comment that is never
 * closed (the parser would silently take the rest of the file as comment), an {@code #if} without
 * {@code #endif} (CDT silently skips or keeps the rest of the file), and function bodies nested
 * deeper than {@link #MAX_NESTING} brackets. Parsers and lowerings recurse once per level, and some
 * of them rescan the nested text at every level, so such a body would cost minutes or overflow the
 * stack; it is blanked (spaces, newlines kept, so every other line keeps its number) and reported
 * as a dropped function, and the rest of the file is analyzed as usual.
 */
public final class InputScreen {
  /**
   * Deepest bracket nesting a function body may have; real code stays far below (QEMU: under 40).
   */
  public static final int MAX_NESTING = 2_000;

  /**
   * Deepest syntax tree of a function body a lowering takes (checked by each frontend after
   * parsing): nesting that brackets do not show, such as a long {@code else if} or {@code ?:}
   * chain, still makes a deep tree, and the lowerings ask the parsers for text and locations that
   * walk up to the root, which is quadratic in the depth. A 5,000-term sum or 1,000 nested {@code
   * if}s (two levels each) pass in a few seconds at most.
   */
  public static final int MAX_TREE_DEPTH = 12_000;

  /** Why a function whose syntax tree is deeper than {@link #MAX_TREE_DEPTH} is dropped. */
  public static final String TOO_DEEP_TREE =
      "its statements and expressions nest more than " + MAX_TREE_DEPTH + " levels deep";

  private final String file;
  private final String original;
  private final SourceShape shape;
  private final List<ParseProblem> problems = new ArrayList<>();
  private final Set<String> dropped = new HashSet<>();
  private final List<SourceShape.Body> blanked = new ArrayList<>();
  private int[] lineStarts;

  private InputScreen(String file, String text) {
    this.file = file;
    this.original = text;
    this.shape = SourceShape.of(text);
  }

  /** Screens {@code text} of the file reported as {@code file}. */
  public static InputScreen of(String file, String text) {
    InputScreen s = new InputScreen(file, text);
    if (s.shape.openComment() >= 0) {
      s.problems.add(
          new ParseProblem(
              s.loc(s.shape.openComment()),
              "unterminated comment: this /* is never closed, so the rest of the file is a comment",
              null));
    }
    if (s.shape.openConditional() >= 0) {
      s.problems.add(
          new ParseProblem(
              s.loc(s.shape.openConditional()),
              "unterminated conditional: this #if has no #endif, so the rest of the file may be skipped",
              null));
    }
    for (SourceShape.Body b : s.shape.bodies()) {
      if (b.depth() > MAX_NESTING) {
        s.drop(
            b,
            "brackets nest "
                + b.depth()
                + " levels deep in its body (the limit is "
                + MAX_NESTING
                + ")");
      }
    }
    return s;
  }

  /** The text to parse: the original with every dropped body blanked. */
  public String text() {
    if (blanked.isEmpty()) return original;
    char[] chars = original.toCharArray();
    for (SourceShape.Body b : blanked) {
      int end = Math.min(b.close(), chars.length);
      for (int i = b.open() + 1; i < end; i++)
        if (chars[i] != '\n' && chars[i] != '\r') chars[i] = ' ';
      if (b.close() >= chars.length)
        return new String(chars) + "}"; // a body never closed ends the file
    }
    return new String(chars);
  }

  /** The problems found so far: the open comment and the dropped functions, in text order. */
  public List<ParseProblem> problems() {
    List<ParseProblem> out = new ArrayList<>(problems);
    out.sort((a, b) -> a.loc().compareTo(b.loc()));
    return out;
  }

  /** Whether the function {@code name} (simple name) defined at {@code line} was dropped here. */
  public boolean dropped(String name, int line) {
    return dropped.contains(name + "@" + line);
  }

  /** The function bodies not dropped yet, in text order. */
  public List<SourceShape.Body> remainingBodies() {
    return shape.bodies().stream().filter(b -> !blanked.contains(b)).toList();
  }

  /**
   * Blanks {@code body} and reports its function as dropped; {@code why} says what is wrong with it
   * (the scan prefixes "function NAME could not be parsed and is not analyzed").
   */
  public void drop(SourceShape.Body body, String why) {
    if (blanked.contains(body)) return;
    blanked.add(body);
    SourceLoc at = loc(body.nameOffset());
    dropped.add(body.name() + "@" + at.line());
    problems.add(new ParseProblem(at, why, body.name()));
  }

  /**
   * After the parse of {@link #text()} overflowed the stack: finds the function whose body makes it
   * overflow, by bisection over the remaining bodies ({@code overflows} parses a text and says
   * whether it overflowed), and drops it. Returns false if the overflow is outside every body.
   * Costs about log2(bodies) + 1 parses, only for a file that overflowed.
   */
  public boolean dropOverflowing(Predicate<String> overflows, String why) {
    List<SourceShape.Body> left = remainingBodies();
    int lo = 0; // keeping the first lo bodies does not overflow
    int hi = left.size(); // keeping the first hi does
    if (hi == 0 || overflows.test(textWithout(left))) return false;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (overflows.test(textWithout(left.subList(mid, left.size())))) hi = mid;
      else lo = mid;
    }
    drop(left.get(hi - 1), why);
    return true;
  }

  private String textWithout(List<SourceShape.Body> more) {
    List<SourceShape.Body> was = new ArrayList<>(blanked);
    blanked.addAll(more);
    try {
      return text();
    } finally {
      blanked.clear();
      blanked.addAll(was);
    }
  }

  private SourceLoc loc(int offset) {
    if (lineStarts == null) lineStarts = lineStarts(original);
    int idx = Arrays.binarySearch(lineStarts, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    return SourceLoc.of(file, line + 1, offset - lineStarts[line] + 1);
  }

  private static int[] lineStarts(String text) {
    int[] starts = new int[64];
    int n = 0;
    starts[n++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }
}
