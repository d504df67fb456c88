package dev.mrcheck.golden;

import dev.mrcheck.model.Semantics;
import java.util.EnumSet;
import java.util.Set;

/**
 * One {@code // BUG...:} line of a golden file: {@code count} findings of {@code ruleId} must be
 * reported at {@code file:line} (the line below the comment) under each of {@code semantics}, with
 * a message containing {@code messageSubstring} when that is not empty.
 */
public record Expectation(
    String file,
    int line,
    String ruleId,
    String messageSubstring,
    Set<Semantics> semantics,
    int count)
    implements Comparable<Expectation> {
  public Expectation {
    semantics = Set.copyOf(semantics.isEmpty() ? EnumSet.allOf(Semantics.class) : semantics);
    if (count < 1) throw new IllegalArgumentException("count must be at least 1: " + count);
  }

  /** One finding. */
  public Expectation(
      String file, int line, String ruleId, String messageSubstring, Set<Semantics> semantics) {
    this(file, line, ruleId, messageSubstring, semantics, 1);
  }

  public boolean appliesTo(Semantics s) {
    return semantics.contains(s);
  }

  /** Whether {@code message} is what this expectation asks for (any message if no substring). */
  public boolean acceptsMessage(String message) {
    return messageSubstring.isEmpty() || message.contains(messageSubstring);
  }

  @Override
  public int compareTo(Expectation o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(line, o.line);
    return c != 0 ? c : ruleId.compareTo(o.ruleId);
  }

  @Override
  public String toString() {
    String times = count == 1 ? "" : " x" + count;
    String text =
        messageSubstring.isEmpty() ? "" : " (message containing \"" + messageSubstring + "\")";
    return file + ":" + line + ": [" + ruleId + "]" + times + text;
  }
}
