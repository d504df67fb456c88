package dev.mrcheck.frontend.c;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The frontend's hand-written matchers, which replaced regular expressions on hot paths, agree with
 * the expressions they replaced, on random text over the characters that matter.
 */
class HandWrittenMatchersTest {
  private static final Pattern UPPER = Pattern.compile("[A-Z][A-Z0-9_]*[A-Z][A-Z0-9_]*");

  @Test
  void collapseBlanksIsReplaceAllOfBlankRuns() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String s = random(r, "ab \t\n\u000B\f\r(x)\u0001", 12);
      assertEquals(s.replaceAll("\\s+", " "), Texts.collapseBlanks(s), s);
    }
  }

  @Test
  void isZeroAgreesWithTheExpression() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String s = random(r, "0x1uUlLX", 6);
      String t = s.toLowerCase().replaceAll("[ul]+$", "");
      boolean expected = t.equals("0") || t.equals("0x0") || t.matches("0+");
      assertEquals(expected, Values.isZero(s), s);
    }
  }

  @Test
  void upperNameAgreesWithTheExpression() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String s = "..." + random(r, "ABz09_", 6) + "...";
      int end = s.length() - 3;
      assertEquals(
          UPPER.matcher(s.substring(3, end)).matches(), StringMacroGuesser.upperName(s, 3, end), s);
    }
  }

  private static String random(Random r, String alphabet, int maxLength) {
    int n = r.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return b.toString();
  }
}
