package dev.mrcheck.golden;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Rules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the inline expectations of a golden file (Error Prone style). A marker is a whole-line
 * {@code //} comment:
 *
 * <pre>
 * // BUG: MR002 optional message substring          one finding, under all semantics
 * // BUG: MR004 x2                                  two findings of MR004 on the line below
 * // BUG(legacy): MR001                             only under --semantics legacy
 * // BUG(current,refcount): MR001 s-&gt;mmio           under the listed semantics
 * // OK: MR002 pattern that must not be flagged     the file is a negative case for MR002
 * // PROBLEM: message substring                     the scan reports this input problem below
 * </pre>
 *
 * A BUG or PROBLEM line applies to the first line below it that is not itself one, so several may
 * stack above one line; a blank line (or the end of the file) below one is an error. Each finding
 * is expected exactly as many times as its markers say (once unless {@code xN}), and each rule id
 * must be one of {@link Rules#all()}.
 *
 * <p>Anything that looks like a marker but is not one is an error with its file:line, never an
 * ordinary comment: a comment of any kind and anywhere on the line (block, trailing) whose text
 * starts with BUG, BUGS, OK, OKS, PROBLEM or PROBLEMS in any case, followed by a colon, a
 * parenthesis or a rule id. A typo must not turn a positive case into a vacuous one.
 */
public final class ExpectationParser {
  private static final Pattern BUG =
      Pattern.compile(
          "^\\s*//\\s*BUG(?:\\(([^)]*)\\))?\\s*:\\s*(\\S+)(?:\\s+x(\\d+)(?=\\s|$))?\\s*(.*?)\\s*$");
  private static final Pattern OK = Pattern.compile("^\\s*//\\s*OK\\s*:(.*)$");
  private static final Pattern PROBLEM =
      Pattern.compile("^\\s*//\\s*PROBLEM\\s*:\\s*(\\S.*?)\\s*$");

  /** The text of a comment (after its opener) that is meant as a marker, whatever its spelling. */
  private static final Pattern MARKER_LIKE =
      Pattern.compile("(?i)^\\s*(bugs?|oks?|problems?)\\s*(?:\\([^)]*\\)\\s*)?(?::|mr\\d)");

  /**
   * Where a comment's text starts: after //, after /*, or after the * that continues a block
   * comment.
   */
  private static final Pattern COMMENT_OPENER = Pattern.compile("//|/\\*|^\\s*\\*(?!/)");

  private static final Pattern WHOLE_LINE_COMMENT = Pattern.compile("^\\s*//.*");
  private static final Pattern RULE_ID = Pattern.compile("MR\\d{3}");
  private static final Set<String> RULES =
      Rules.all().stream().map(r -> r.info().id()).collect(Collectors.toUnmodifiableSet());

  private ExpectationParser() {}

  /**
   * Parses {@code text}, reported as {@code file} (relative to the golden root, '/' separators).
   */
  public static FileExpectations parse(String file, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Expectation> bugs = new ArrayList<>();
    Set<String> okRules = new LinkedHashSet<>();
    List<ProblemExpectation> problems = new ArrayList<>();
    List<Pending> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      String keyword = markerKeyword(file, lineNo, line);
      if (keyword != null && !keyword.equals("OK")) {
        pending.add(
            keyword.equals("BUG")
                ? parseBug(file, lineNo, line)
                : parseProblem(file, lineNo, line));
        continue;
      }
      if (!pending.isEmpty() && line.isBlank()) {
        throw new IllegalArgumentException(
            file
                + ":"
                + pending.get(0).lineNo()
                + ": BUG or PROBLEM comment must sit directly above its line, found a blank line");
      }
      for (Pending p : pending) {
        if (p.bug() != null) {
          Pending.Bug b = p.bug();
          bugs.add(
              new Expectation(file, lineNo, b.ruleId(), b.substring(), b.semantics(), b.count()));
        } else {
          problems.add(new ProblemExpectation(file, lineNo, p.problem()));
        }
      }
      pending.clear();
      if ("OK".equals(keyword)) okRules.addAll(parseOk(file, lineNo, line));
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + ":"
              + pending.get(0).lineNo()
              + ": BUG or PROBLEM comment at the end of the file, with no line below it");
    }
    return new FileExpectations(file, bugs, okRules, problems);
  }

  /**
   * BUG, OK or PROBLEM if {@code line} is a marker (to be parsed strictly), null if it has nothing
   * that looks like one; an error if one of its comments looks like a marker but is not spelled as
   * one.
   */
  private static String markerKeyword(String file, int lineNo, String line) {
    Matcher opener = COMMENT_OPENER.matcher(line);
    while (opener.find()) {
      Matcher like = MARKER_LIKE.matcher(line.substring(opener.end()));
      if (!like.find()) continue;
      String keyword = like.group(1);
      boolean spelled = Set.of("BUG", "OK", "PROBLEM").contains(keyword);
      if (spelled
          && opener.group().equals("//")
          && WHOLE_LINE_COMMENT.matcher(line).matches()
          && line.indexOf("//") == opener.start()) {
        return keyword;
      }
      throw new IllegalArgumentException(
          file
              + ":"
              + lineNo
              + ": looks like an expectation marker but is not"
              + " one (a marker is a whole-line '// BUG: MR00x', '// OK: MR00x' or '// PROBLEM: text' comment): "
              + line.strip());
    }
    return null;
  }

  private static Pending parseBug(String file, int lineNo, String line) {
    Matcher m = BUG.matcher(line);
    if (!m.matches() || !RULE_ID.matcher(m.group(2)).matches()) {
      throw new IllegalArgumentException(
          file
              + ":"
              + lineNo
              + ": malformed expectation, want '// BUG[(semantics,...)]: MR00x [xN] [message substring]': "
              + line.strip());
    }
    String ruleId = checkRule(file, lineNo, m.group(2));
    int count = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    if (count < 1) {
      throw new IllegalArgumentException(
          file + ":" + lineNo + ": a BUG line expects at least one finding: " + line.strip());
    }
    Set<Semantics> semantics =
        m.group(1) == null
            ? EnumSet.allOf(Semantics.class)
            : parseSemantics(file, lineNo, m.group(1));
    return new Pending(lineNo, new Pending.Bug(ruleId, m.group(4), semantics, count), null);
  }

  private static Pending parseProblem(String file, int lineNo, String line) {
    Matcher m = PROBLEM.matcher(line);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          file
              + ":"
              + lineNo
              + ": malformed expectation, want '// PROBLEM: message substring': "
              + line.strip());
    }
    return new Pending(lineNo, null, m.group(1));
  }

  private static Set<Semantics> parseSemantics(String file, int lineNo, String list) {
    Set<Semantics> result = EnumSet.noneOf(Semantics.class);
    for (String name : list.split(",")) {
      String label = name.strip().toLowerCase(Locale.ROOT);
      Semantics match = null;
      for (Semantics s : Semantics.values()) {
        if (s.label().equals(label)) match = s;
      }
      if (match == null) {
        throw new IllegalArgumentException(
            file
                + ":"
                + lineNo
                + ": unknown semantics '"
                + name.strip()
                + "' (want legacy, current or refcount)");
      }
      result.add(match);
    }
    return result;
  }

  private static Set<String> parseOk(String file, int lineNo, String line) {
    Matcher ok = OK.matcher(line);
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = RULE_ID.matcher(ok.matches() ? ok.group(1) : "");
    while (m.find()) ids.add(checkRule(file, lineNo, m.group()));
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(
          file + ":" + lineNo + ": OK comment names no rule, want '// OK: MR00x <pattern>'");
    }
    return ids;
  }

  private static String checkRule(String file, int lineNo, String id) {
    if (!RULES.contains(id)) {
      throw new IllegalArgumentException(
          file
              + ":"
              + lineNo
              + ": no rule "
              + id
              + " (rules are "
              + RULES.stream().sorted().collect(Collectors.joining(", "))
              + ")");
    }
    return id;
  }

  /** A BUG or PROBLEM line waiting for the line it applies to. */
  private record Pending(int lineNo, Bug bug, String problem) {
    record Bug(String ruleId, String substring, Set<Semantics> semantics, int count) {}
  }
}
