package dev.mrcheck.rules;

import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.ir.SourceLoc;
import java.util.List;

/**
 * A reported problem. {@code fingerprint} identifies it independently of line numbers (rule, file,
 * enclosing function, region path, and the lifecycle context), for SARIF {@code
 * partialFingerprints} and baselines. {@code trace} is the call chain / witness, in order.
 */
public record Finding(
    String ruleId,
    Severity severity,
    SourceLoc loc,
    String message,
    List<TraceStep> trace,
    String fingerprint,
    Witness witness)
    implements Comparable<Finding> {
  public Finding {
    trace = List.copyOf(trace);
  }

  /** A finding without a witness (the runtime model cannot replay it). */
  public Finding(
      String ruleId,
      Severity severity,
      SourceLoc loc,
      String message,
      List<TraceStep> trace,
      String fingerprint) {
    this(ruleId, severity, loc, message, trace, fingerprint, null);
  }

  public Finding withSeverity(Severity s) {
    return new Finding(ruleId, s, loc, message, trace, fingerprint, witness);
  }

  public Finding withFingerprint(String fp) {
    return new Finding(ruleId, severity, loc, message, trace, fp, witness);
  }

  public Finding withWitness(Witness w) {
    return new Finding(ruleId, severity, loc, message, trace, fingerprint, w);
  }

  @Override
  public int compareTo(Finding o) {
    int c = loc.compareTo(o.loc);
    if (c != 0) return c;
    c = ruleId.compareTo(o.ruleId);
    return c != 0 ? c : message.compareTo(o.message);
  }
}
