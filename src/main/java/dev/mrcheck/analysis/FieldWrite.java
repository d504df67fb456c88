package dev.mrcheck.analysis;

import dev.mrcheck.model.GuardValue;
import java.util.Set;

/**
 * A value the code gives a field (or a local) on the straight line after a statement: {@code key}
 * names it as {@link PathCondition#key} does, {@code shown} how the code spells it ({@code
 * s->pinned}), {@code value} the constant ({@code true}, {@code false}, {@code NULL}, a number),
 * {@code non-NULL} for the result of a call the model knows succeeded, {@code nonzero} for a
 * counter counted up. {@code contradictedIn} are the other functions of the program that give the
 * same key a value of another truth (or one the analysis cannot evaluate): code that may run
 * between this write and a later test of it (a handler, a reset), so that the write alone does not
 * tell what the test sees.
 */
public record FieldWrite(String key, String shown, GuardValue value, Set<String> contradictedIn) {
  public FieldWrite {
    contradictedIn = Set.copyOf(contradictedIn);
  }
}
