package dev.mrcheck.fix;

import java.util.List;

/** The mechanical fix of one finding: what it does, in one line, and the edits that do it. */
public record Fix(String ruleId, String description, List<TextEdit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }
}
