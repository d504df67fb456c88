package dev.mrcheck.fix;

import dev.mrcheck.model.Operation;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * MR004, the warning: an {@code object_unparent} reached from instance_finalize on a region the
 * object owns is a no-op (the region went with the object's child properties), so the statement
 * goes. The errors (del_subregion and other uses after finalization) need a person: the call
 * belongs at unrealize, not nowhere.
 */
final class DropUnparentInFinalize {
  private DropUnparentInFinalize() {}

  static Optional<Fix> fix(Finding f, SourceTexts texts) {
    if (f.severity() != Severity.WARNING || !isUnparent(f)) return Optional.empty();
    int lineNo = f.loc().line();
    SourceLines lines = Statements.editableAt(texts, f.loc().file(), lineNo);
    if (lines == null) return Optional.empty();
    String line = lines.line(lineNo);
    Matcher m = Statements.unparent(line);
    if (m == null) return Optional.empty();
    String rest = (line.substring(0, m.start()) + line.substring(m.end())).strip();
    String statement = m.group();
    TextEdit edit =
        rest.isEmpty()
            ? TextEdit.deleteLine(f.loc().file(), lineNo)
            : new TextEdit(f.loc().file(), lineNo, m.start() + 1, lineNo, m.end() + 1, "");
    return Optional.of(
        new Fix(
            f.ruleId(), "Remove " + statement + " (a no-op in instance_finalize)", List.of(edit)));
  }

  private static boolean isUnparent(Finding f) {
    if (f.witness() != null && !f.witness().steps().isEmpty()) {
      return f.witness().steps().get(f.witness().steps().size() - 1).operation()
          instanceof Operation.Unparent;
    }
    return f.message().startsWith("object_unparent");
  }
}
