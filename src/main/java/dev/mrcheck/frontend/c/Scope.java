package dev.mrcheck.frontend.c;

import dev.mrcheck.ir.AccessPath;
import java.util.Set;

/** Which names of one function are parameters and which are locals; everything else is global. */
record Scope(Set<String> params, Set<String> locals) {
  AccessPath.Root rootOf(String name) {
    if (params.contains(name)) return AccessPath.Root.PARAM;
    if (locals.contains(name)) return AccessPath.Root.LOCAL;
    return AccessPath.Root.GLOBAL;
  }

  boolean isVariable(String name) {
    return params.contains(name) || locals.contains(name);
  }

  static final Scope FILE = new Scope(Set.of(), Set.of());
}
