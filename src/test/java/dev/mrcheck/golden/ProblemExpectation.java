package dev.mrcheck.golden;

/**
 * One {@code // PROBLEM: text} line of a golden file: the scan must report an input problem (a
 * parse error, a dropped function) at {@code file:line}, the line below the comment, whose message
 * contains {@code messageSubstring}. A case declares the problems it is about; any other one fails
 * it.
 */
public record ProblemExpectation(String file, int line, String messageSubstring)
    implements Comparable<ProblemExpectation> {
  public boolean accepts(String message) {
    return message.contains(messageSubstring);
  }

  @Override
  public int compareTo(ProblemExpectation o) {
    int c = file.compareTo(o.file);
    return c != 0 ? c : Integer.compare(line, o.line);
  }

  @Override
  public String toString() {
    return file + ":" + line + ": input problem containing \"" + messageSubstring + "\"";
  }
}
