package dev.mrcheck.rules;

import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds findings the same way for every rule: location, message, trace, and a line-independent
 * fingerprint.
 */
final class Findings {
  private Findings() {}

  /**
   * A finding at an observed call. The called function is part of the fingerprint: a del_subregion
   * and an object_unparent of one region in one finalize are two findings (MR004's error and
   * warning).
   */
  static Finding at(Rule rule, Observation o, String message, List<TraceStep> trace) {
    return create(
        rule,
        o.loc(),
        o.function(),
        o.subject().shown() + "|" + o.phaseName() + "|" + o.callee(),
        message,
        trace);
  }

  static Finding create(
      Rule rule,
      SourceLoc loc,
      String function,
      String subject,
      String message,
      List<TraceStep> trace) {
    RuleInfo info = rule.info();
    // No line number in here: a baseline must survive code moving up or down the file.
    String fingerprint = Fingerprint.of(info.id(), loc.file(), function, subject);
    return new Finding(info.id(), info.severity(), loc, message, trace, fingerprint);
  }

  /**
   * The calls from the lifecycle hook (or callback) down to the flagged call, then the flagged call
   * itself.
   */
  static List<TraceStep> chainTo(Observation o, String lastStep) {
    List<TraceStep> out = new ArrayList<>(o.chain());
    out.add(new TraceStep(o.loc(), lastStep));
    return out;
  }

  static String where(SourceLoc loc) {
    return loc.file() + ":" + loc.line();
  }
}
