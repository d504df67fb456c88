package dev.mrcheck.selftest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@link Shrinker}'s greedy delta debugging for tests whose generated case is a plain list (runtime
 * model calls, model effects) rather than a device program: drop one element at a time, keep every
 * drop after which the case still fails, until no single drop does.
 */
public final class ListShrinker {
  private ListShrinker() {}

  public static <T> List<T> shrink(List<T> failing, Predicate<List<T>> fails) {
    List<T> current = List.copyOf(failing);
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < current.size(); i++) {
        List<T> less = new ArrayList<>(current);
        less.remove(i);
        if (fails.test(less)) {
          current = List.copyOf(less);
          progress = true;
          break;
        }
      }
    }
    return current;
  }

  /** Whether running {@code body} on {@code input} throws (an assertion or anything else). */
  public static <T> boolean throwsOn(java.util.function.Consumer<T> body, T input) {
    try {
      body.accept(input);
      return false;
    } catch (AssertionError | RuntimeException e) {
      return true;
    }
  }
}
