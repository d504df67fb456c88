package dev.mrcheck.model;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a guard knows of a field or a result: a value the code wrote there ({@code true}, {@code
 * false}, {@code NULL}, an integer constant), what the model knows of a result ({@code non-NULL}: a
 * mapping the path made; {@code nonzero}: a counter counted up) or the outcome of a test in the
 * vocabulary of the value tested. The analysis records them after calls, the rules pair them with
 * tests and the runtime model holds tests against them: one reading of a value's truth for all
 * three. Any other spelling (an enumerator, an expression) is kept with its truth unknown.
 */
public record GuardValue(String spelling) {
  public static final GuardValue TRUE = new GuardValue("true");
  public static final GuardValue FALSE = new GuardValue("false");
  public static final GuardValue NULL = new GuardValue("NULL");
  public static final GuardValue NON_NULL = new GuardValue("non-NULL");
  public static final GuardValue ZERO = new GuardValue("0");
  public static final GuardValue NONZERO = new GuardValue("nonzero");

  /** C's integer constants: decimal, hex or octal, with a sign and {@code u}/{@code l} suffixes. */
  private static final Pattern INTEGER = Pattern.compile("(-?)(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]*");

  public GuardValue {
    if (spelling == null || spelling.isBlank())
      throw new IllegalArgumentException("a guard value needs a spelling");
    spelling = spelling.trim();
  }

  /** A value as a witness or the code spells it. */
  public static GuardValue of(String spelling) {
    return new GuardValue(spelling);
  }

  /**
   * The value of a source literal a guard can read ({@code true}, {@code false}, an integer), or
   * null for any other literal (a string, a character, a float, an enumerator).
   */
  public static GuardValue ofLiteral(String text) {
    String t = text.trim();
    if (t.equals("true") || t.equals("false") || INTEGER.matcher(t).matches())
      return new GuardValue(t);
    return null;
  }

  /** True or false as a condition reads the value; null when the model cannot tell. */
  public Boolean truth() {
    switch (spelling) {
      case "true", "non-NULL", "nonzero":
        return true;
      case "false", "NULL":
        return false;
      default:
        BigInteger n = constant();
        return n == null ? null : n.signum() != 0;
    }
  }

  /** The integer the value is, or null when it is no integer constant. */
  public BigInteger constant() {
    Matcher m = INTEGER.matcher(spelling);
    if (!m.matches()) return null;
    String digits = m.group(2);
    BigInteger n;
    if (digits.startsWith("0x") || digits.startsWith("0X"))
      n = new BigInteger(digits.substring(2), 16);
    else if (digits.length() > 1 && digits.startsWith("0")) n = octal(digits);
    else n = new BigInteger(digits);
    return m.group(1).isEmpty() ? n : n.negate();
  }

  private static BigInteger octal(String digits) {
    // 08 is no C constant; read it as written rather than fail.
    return digits.matches("[0-7]+") ? new BigInteger(digits, 8) : new BigInteger(digits);
  }

  /**
   * Whether a condition surely reads this value and {@code other} alike: the same spelling, the
   * same integer, or the same known truth.
   */
  public boolean sameTruth(GuardValue other) {
    if (equals(other)) return true;
    Boolean t = truth();
    return t != null && t.equals(other.truth());
  }

  /**
   * Whether a field that holds this value cannot satisfy a test assuming {@code assumed}: two
   * different integers, or known truths that differ. An unknown truth contradicts nothing.
   */
  public boolean contradicts(GuardValue assumed) {
    BigInteger have = constant();
    BigInteger want = assumed.constant();
    if (have != null && want != null) return !have.equals(want);
    Boolean t = truth();
    Boolean w = assumed.truth();
    return t != null && w != null && !t.equals(w);
  }

  /**
   * The outcome of a test of a field known to hold values like this one ({@code if (s->buf)} taken
   * or not), spelled as such values are: NULL or non-NULL for a pointer, true or false for a
   * boolean, 0 or nonzero for a count.
   */
  public GuardValue outcome(boolean holds) {
    if (equals(NULL) || equals(NON_NULL)) return holds ? NON_NULL : NULL;
    if (equals(TRUE) || equals(FALSE)) return holds ? TRUE : FALSE;
    return holds ? NONZERO : ZERO;
  }

  @Override
  public String toString() {
    return spelling;
  }
}
