package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.model.ApiModel;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Per-function facts ({@link FunctionFacts}, {@link ClassInitFacts}) of one analysis, taken from
 * the previous analysis' memo for every function object it already saw. The language server keeps
 * the parse of every unchanged file, hence its function objects: after an edit only the re-parsed
 * functions are read again, and the whole-program structures are assembled from the kept facts.
 * Facts depend on the function and the model only, so a memo is reused under the same model alone.
 */
final class FunctionMemo {
  private final ApiModel model;
  private final Map<Function, FunctionFacts> facts = new IdentityHashMap<>();
  private final Map<Function, ClassInitFacts> classInits = new IdentityHashMap<>();
  private Map<Function, FunctionFacts> previousFacts;
  private Map<Function, ClassInitFacts> previousClassInits;
  private int computed;

  /** A memo for {@code model}, seeded from {@code previous} when that was made for it. */
  FunctionMemo(ApiModel model, FunctionMemo previous) {
    this.model = model;
    boolean same = previous != null && previous.model == model;
    // Identity maps only: a function record's own hashCode walks its whole body.
    previousFacts = same ? previous.facts : new IdentityHashMap<>();
    previousClassInits = same ? previous.classInits : new IdentityHashMap<>();
  }

  /** A memo that keeps nothing from before (a one-off analysis). */
  static FunctionMemo fresh(ApiModel model) {
    return new FunctionMemo(model, null);
  }

  synchronized FunctionFacts facts(Function f) {
    FunctionFacts out = facts.get(f);
    if (out == null) {
      out = previousFacts.get(f);
      if (out == null) {
        out = FunctionFacts.of(f, model);
        computed++;
      }
      facts.put(f, out);
    }
    return out;
  }

  /** The facts of a class_init function (null: a type without one). */
  synchronized ClassInitFacts classInit(Function classInit) {
    if (classInit == null) return ClassInitFacts.of(null, model);
    ClassInitFacts out = classInits.get(classInit);
    if (out == null) {
      out = previousClassInits.get(classInit);
      if (out == null) out = ClassInitFacts.of(classInit, model);
      classInits.put(classInit, out);
    }
    return out;
  }

  /** Functions whose statements this memo read (the others' facts were kept). */
  synchronized int computed() {
    return computed;
  }

  /** Lets go of the previous analysis' facts once this one has taken what it needs. */
  synchronized void settle() {
    previousFacts = new IdentityHashMap<>();
    previousClassInits = new IdentityHashMap<>();
  }
}
