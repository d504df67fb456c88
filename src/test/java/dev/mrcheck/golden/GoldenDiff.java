package dev.mrcheck.golden;

import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.FileProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The difference between what a golden corpus expects and what a scan reported.
 *
 * <p>Findings and expectations meet on (file, line, rule id), and each finding is counted: an
 * expectation stands for {@code count} findings there whose message it accepts, and a finding is
 * explained by one expectation at most. A line reported twice (a helper reached from two call
 * sites) needs {@code xN} or two BUG lines; a duplicate the analysis should not report fails the
 * case. Expectations with a message substring take their findings first, so a plain BUG line does
 * not steal the finding a more precise one asks for. Input problems are compared the same way on
 * (file, line): every one the scan reports must be declared by a {@code // PROBLEM:} line.
 */
public final class GoldenDiff {
  private final List<Expectation> missing;
  private final List<Finding> extra;
  private final List<ProblemExpectation> missingProblems;
  private final List<FileProblem> extraProblems;

  private GoldenDiff(
      List<Expectation> missing,
      List<Finding> extra,
      List<ProblemExpectation> missingProblems,
      List<FileProblem> extraProblems) {
    this.missing = List.copyOf(missing);
    this.extra = List.copyOf(extra);
    this.missingProblems = List.copyOf(missingProblems);
    this.extraProblems = List.copyOf(extraProblems);
  }

  public static GoldenDiff compare(Collection<Expectation> expected, Collection<Finding> actual) {
    return compare(expected, actual, List.of(), List.of());
  }

  public static GoldenDiff compare(
      Collection<Expectation> expected,
      Collection<Finding> actual,
      Collection<ProblemExpectation> expectedProblems,
      Collection<FileProblem> actualProblems) {
    Map<Key, List<Finding>> unexplained =
        actual.stream()
            .collect(
                Collectors.groupingBy(GoldenDiff::keyOf, Collectors.toCollection(LinkedList::new)));
    List<Expectation> missing = new ArrayList<>();
    List<Expectation> preciseFirst =
        expected.stream()
            .sorted(Comparator.comparing((Expectation e) -> e.messageSubstring().isEmpty()))
            .toList();
    for (Expectation e : preciseFirst) {
      List<Finding> here = unexplained.getOrDefault(keyOf(e), new LinkedList<>());
      int found = 0;
      for (var it = here.iterator(); it.hasNext() && found < e.count(); ) {
        if (e.acceptsMessage(it.next().message())) {
          it.remove();
          found++;
        }
      }
      if (found < e.count()) missing.add(e);
    }
    List<Finding> extra =
        unexplained.values().stream().flatMap(List::stream).sorted().collect(Collectors.toList());

    Map<Key, List<FileProblem>> unexplainedProblems =
        actualProblems.stream()
            .collect(
                Collectors.groupingBy(GoldenDiff::keyOf, Collectors.toCollection(LinkedList::new)));
    List<ProblemExpectation> missingProblems = new ArrayList<>();
    for (ProblemExpectation e : expectedProblems) {
      List<FileProblem> here = unexplainedProblems.getOrDefault(keyOf(e), new LinkedList<>());
      if (!here.removeIf(new FirstMatch(e))) missingProblems.add(e);
    }
    List<FileProblem> extraProblems =
        unexplainedProblems.values().stream()
            .flatMap(List::stream)
            .sorted(Comparator.comparing(FileProblem::loc))
            .collect(Collectors.toList());
    missing.sort(null);
    missingProblems.sort(null);
    return new GoldenDiff(missing, extra, missingProblems, extraProblems);
  }

  public List<Expectation> missing() {
    return missing;
  }

  public List<Finding> extra() {
    return extra;
  }

  public List<ProblemExpectation> missingProblems() {
    return missingProblems;
  }

  public List<FileProblem> extraProblems() {
    return extraProblems;
  }

  public boolean isEmpty() {
    return missing.isEmpty()
        && extra.isEmpty()
        && missingProblems.isEmpty()
        && extraProblems.isEmpty();
  }

  /** Every difference, one per line: {@code file:line: [MR00x] message}. */
  public String describe() {
    if (isEmpty()) return "no differences";
    StringBuilder sb = new StringBuilder();
    section(sb, "missing findings", missing.stream().map(Expectation::toString).toList());
    section(sb, "unexpected findings", extra.stream().map(GoldenDiff::format).toList());
    section(
        sb,
        "missing input problems",
        missingProblems.stream().map(ProblemExpectation::toString).toList());
    section(
        sb,
        "input problems no // PROBLEM: line declares",
        extraProblems.stream().map(p -> p.loc() + ": " + p.message()).toList());
    return sb.toString();
  }

  private static void section(StringBuilder sb, String title, List<String> lines) {
    if (lines.isEmpty()) return;
    sb.append(title).append(" (").append(lines.size()).append("):\n");
    lines.forEach(l -> sb.append("  ").append(l).append('\n'));
  }

  static String format(Finding f) {
    return f.loc().file() + ":" + f.loc().line() + ": [" + f.ruleId() + "] " + f.message();
  }

  private static Key keyOf(Finding f) {
    return new Key(f.loc().file(), f.loc().line(), f.ruleId());
  }

  private static Key keyOf(Expectation e) {
    return new Key(e.file(), e.line(), e.ruleId());
  }

  private static Key keyOf(FileProblem p) {
    return new Key(p.loc().file(), p.loc().line(), "");
  }

  private static Key keyOf(ProblemExpectation e) {
    return new Key(e.file(), e.line(), "");
  }

  /** Removes only the first problem the expectation accepts: one marker, one problem. */
  private static final class FirstMatch implements java.util.function.Predicate<FileProblem> {
    private final ProblemExpectation expectation;
    private boolean taken;

    FirstMatch(ProblemExpectation expectation) {
      this.expectation = expectation;
    }

    @Override
    public boolean test(FileProblem p) {
      if (taken || !expectation.accepts(p.message())) return false;
      taken = true;
      return true;
    }
  }

  private record Key(String file, int line, String ruleId) {
    Key {
      Objects.requireNonNull(file);
      Objects.requireNonNull(ruleId);
    }
  }
}
