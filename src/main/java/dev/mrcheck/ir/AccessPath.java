package dev.mrcheck.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A memory location named the way device code names it: a root variable and field steps. {@code
 * &s->bars[i].mr} becomes root {@code s}, steps {@code [bars, [*], mr]}. Address-of, casts and QOM
 * cast macros are looked through by the frontend, so {@code OBJECT(&s->mmio)} and {@code &s->mmio}
 * are the same path. '.' and '->' are not distinguished: embedding vs pointing does not matter to
 * ownership.
 */
public record AccessPath(Root kind, String root, List<String> steps) {
  public static final String ANY_INDEX = "[*]";

  /** What the root variable is, as far as the frontend can tell. */
  public enum Root {
    PARAM,
    LOCAL,
    GLOBAL
  }

  public AccessPath {
    steps = List.copyOf(steps);
  }

  public static AccessPath of(Root kind, String root, String... steps) {
    return new AccessPath(kind, root, List.of(steps));
  }

  public AccessPath field(String name) {
    List<String> s = new ArrayList<>(steps);
    s.add(name);
    return new AccessPath(kind, root, s);
  }

  public String lastStep() {
    return steps.isEmpty() ? root : steps.get(steps.size() - 1);
  }

  /** C-like rendering for messages: {@code s->bars[*].mr} is shown as {@code s->bars[*]->mr}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(root);
    for (String s : steps) {
      if (s.equals(ANY_INDEX)) b.append(s);
      else b.append("->").append(s);
    }
    return b.toString();
  }
}
