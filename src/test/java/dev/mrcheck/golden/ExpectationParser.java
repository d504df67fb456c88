package dev.mrcheck.golden;

import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the inline expectations of a golden file (Error Prone style).
 *
 * <pre>
 * // BUG: MR002 optional message substring          all semantics
 * // BUG(legacy): MR001                             only under --semantics legacy
 * // BUG(current,refcount): MR001 s-&gt;mmio           under the listed semantics
 * // OK: MR002 pattern that must not be flagged     the file is a negative case for MR002
 * </pre>
 *
 * A BUG line expects the finding on the first line below it that is not itself a BUG line, so
 * several BUG lines may stack above one flagged line; a blank line (or the end of the file)
 * below a BUG line is an error. A malformed BUG or OK line is an error
 * rather than silently ignored: a typo must not turn a positive case into a vacuous one.
 */
public final class ExpectationParser {
  private static final Pattern BUG =
      Pattern.compile("^\\s*//\\s*BUG\\b(?:\\(([^)]*)\\))?\\s*:\\s*(\\S+)\\s*(.*?)\\s*$");
  private static final Pattern BUG_PREFIX = Pattern.compile("^\\s*//\\s*BUG\\b.*");
  private static final Pattern OK_PREFIX = Pattern.compile("^\\s*//\\s*OK\\s*:(.*)$");
  private static final Pattern RULE_ID = Pattern.compile("MR\\d{3}");

  private ExpectationParser() {}

  /** Parses {@code text}, reported as {@code file} (relative to the golden root, '/' separators). */
  public static FileExpectations parse(String file, String text) {
    String[] lines = text.split("\r?\n", -1);
    List<Expectation> bugs = new ArrayList<>();
    Set<String> okRules = new LinkedHashSet<>();
    List<PendingBug> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNo = i + 1;
      String line = lines[i];
      if (BUG_PREFIX.matcher(line).matches()) {
        pending.add(parseBug(file, lineNo, line));
        continue;
      }
      if (!pending.isEmpty() && line.isBlank()) {
        throw new IllegalArgumentException(file + ":" + pending.get(0).lineNo
            + ": BUG comment must sit directly above the flagged line, found a blank line");
      }
      for (PendingBug p : pending) {
        bugs.add(new Expectation(file, lineNo, p.ruleId, p.substring, p.semantics));
      }
      pending.clear();
      Matcher ok = OK_PREFIX.matcher(line);
      if (ok.matches()) okRules.addAll(parseOk(file, lineNo, ok.group(1)));
    }
    if (!pending.isEmpty()) {
      throw new IllegalArgumentException(file + ":" + pending.get(0).lineNo
          + ": BUG comment at the end of the file, with no line below it");
    }
    return new FileExpectations(file, bugs, okRules);
  }

  private static PendingBug parseBug(String file, int lineNo, String line) {
    Matcher m = BUG.matcher(line);
    if (!m.matches() || !RULE_ID.matcher(m.group(2)).matches()) {
      throw new IllegalArgumentException(file + ":" + lineNo
          + ": malformed expectation, want '// BUG[(semantics,...)]: MR00x [message substring]': "
          + line.strip());
    }
    Set<Semantics> semantics = m.group(1) == null
        ? EnumSet.allOf(Semantics.class) : parseSemantics(file, lineNo, m.group(1));
    return new PendingBug(lineNo, m.group(2), m.group(3), semantics);
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
        throw new IllegalArgumentException(file + ":" + lineNo + ": unknown semantics '"
            + name.strip() + "' (want legacy, current or refcount)");
      }
      result.add(match);
    }
    return result;
  }

  private static Set<String> parseOk(String file, int lineNo, String rest) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = RULE_ID.matcher(rest);
    while (m.find()) ids.add(m.group());
    if (ids.isEmpty()) {
      throw new IllegalArgumentException(file + ":" + lineNo
          + ": OK comment names no rule, want '// OK: MR00x <pattern>'");
    }
    return ids;
  }

  private record PendingBug(int lineNo, String ruleId, String substring, Set<Semantics> semantics) {}
}
