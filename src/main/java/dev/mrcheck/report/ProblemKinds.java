package dev.mrcheck.report;

import dev.mrcheck.scan.FileProblem;
import java.util.Map;
import java.util.TreeMap;

/**
 * Input problems grouped for a summary ("function not parsed: 212, binary file skipped: 3"). The
 * scan states a problem as one message; its kind is read from the fixed wording each producer uses
 * (Scanner, BuildSelection, the frontends); a parser's own message ("Syntax error", "Missing ;") is
 * its own kind, without what follows a colon or parenthesis (names, positions).
 */
final class ProblemKinds {
  private ProblemKinds() {}

  static String of(FileProblem p) {
    String m = p.message();
    if (m.startsWith("function ") && m.contains(" could not be parsed"))
      return "function not parsed";
    if (m.contains("(function ") && m.endsWith(" dropped)")) return "function not parsed";
    if (m.startsWith("binary file skipped")) return "binary file skipped";
    if (m.startsWith("cannot read file")) return "unreadable file";
    if (m.startsWith("listed in ") && m.contains(" but not found"))
      return "listed in the build but missing";
    if (m.startsWith("not in ") && m.endsWith(", not analyzed")) return "not in the build";
    if (m.startsWith("C frontend failed") || m.startsWith("could not lower "))
      return "frontend failure";
    return parserMessage(m);
  }

  private static String parserMessage(String m) {
    int end = m.length();
    for (String stop : new String[] {": ", " ("}) {
      int i = m.indexOf(stop);
      if (i > 0) end = Math.min(end, i);
    }
    String kind = m.substring(0, end).trim();
    return kind.isEmpty()
        ? "parse problem"
        : kind.length() > 60 ? kind.substring(0, 60) + "..." : kind;
  }

  /** Problems per kind, by kind name. */
  static Map<String, Integer> count(Iterable<FileProblem> problems) {
    Map<String, Integer> counts = new TreeMap<>();
    for (FileProblem p : problems) counts.merge(of(p), 1, Integer::sum);
    return counts;
  }
}
