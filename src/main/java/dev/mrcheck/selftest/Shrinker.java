package dev.mrcheck.selftest;

import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Greedy delta debugging over a program's structure, for the CLI and the self-test in mvn verify:
 * drop one statement at a time (an error branch whole, or one statement inside it), keep every drop
 * after which the program still fails, until no single drop does.
 */
public final class Shrinker {
  private final int maxAttempts;

  public Shrinker(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public DeviceProgram shrink(DeviceProgram program, Predicate<DeviceProgram> fails) {
    DeviceProgram current = program;
    int attempts = 0;
    boolean progress = true;
    while (progress && attempts < maxAttempts) {
      progress = false;
      for (DeviceProgram candidate : smaller(current)) {
        if (++attempts > maxAttempts) break;
        if (fails.test(candidate)) {
          current = candidate;
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  /** Every program with exactly one statement less (a branch counting as one, or one inside it). */
  static List<DeviceProgram> smaller(DeviceProgram p) {
    List<DeviceProgram> out = new ArrayList<>();
    for (Role role : DeviceProgram.HOOKS) {
      for (List<Stmt> body : without(p.hook(role))) {
        Map<Role, List<Stmt>> hooks = new EnumMap<>(p.hooks());
        hooks.put(role, body);
        out.add(p.withCode(hooks, p.helpers()));
      }
    }
    for (int h = 0; h < p.helpers().size(); h++) {
      for (List<Stmt> body : without(p.helpers().get(h))) {
        List<List<Stmt>> helpers = new ArrayList<>(p.helpers());
        helpers.set(h, body);
        out.add(p.withCode(p.hooks(), helpers));
      }
    }
    for (List<Stmt> body : without(p.runtime())) out.add(p.withRuntime(body));
    for (List<Stmt> body : without(p.reads())) out.add(p.withReads(body));
    if (p.factory() != null) {
      out.add(p.withFactory(null));
      List<ApiCall> fin = p.factory().finalizer();
      for (int i = 0; i < fin.size(); i++) {
        List<ApiCall> less = new ArrayList<>(fin);
        less.remove(i);
        out.add(p.withFactory(p.factory().withFinalize(less)));
      }
    }
    return out;
  }

  private static List<List<Stmt>> without(List<Stmt> body) {
    List<List<Stmt>> out = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      List<Stmt> less = new ArrayList<>(body);
      less.remove(i);
      out.add(less);
      if (body.get(i) instanceof IfError e) {
        for (List<Stmt> then : without(e.then())) {
          List<Stmt> inner = new ArrayList<>(body);
          inner.set(i, new IfError(e.flag(), then));
          out.add(inner);
        }
      }
    }
    return out;
  }
}
