package dev.mrcheck.suppress;

import dev.mrcheck.ir.SourceLoc;
import java.util.Set;

/**
 * One {@code mrcheck: ignore} comment. {@code loc} is the comment itself; it hides findings of
 * {@code rules} (canonical upper-case ids) on the lines {@code firstLine..lastLine}: the comment's
 * own lines, and for a comment alone on its line also the next line of code. {@code reason} is the
 * text after {@code --}, empty when missing. {@code text} is the comment's directive as written,
 * whitespace-collapsed: the line-independent part of its identity.
 */
public record Suppression(
    SourceLoc loc, Set<String> rules, String reason, int firstLine, int lastLine, String text) {
  public Suppression {
    rules = Set.copyOf(rules);
  }

  public boolean hasReason() {
    return !reason.isBlank();
  }

  public boolean covers(String file, int line, String ruleId) {
    return loc.file().equals(file)
        && line >= firstLine
        && line <= lastLine
        && rules.contains(ruleId);
  }
}
