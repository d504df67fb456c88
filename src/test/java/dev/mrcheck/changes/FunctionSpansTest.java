package dev.mrcheck.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunctionSpansTest {
  @Test
  void topLevelBlocksOfCSkippingCommentsStringsAndDirectives() {
    FunctionSpans s =
        FunctionSpans.of(
            """
        #define OPEN {
        #define LONG(x) \\
            { x }
        static void f(void)
        {
            /* { */ g("}", '{'); // }
            if (x) { y(); }
        }
        int z;
        static void h(void) { }
        """,
            false);
    assertThat(s.around(6)).containsExactly(5, 8);
    assertThat(s.around(4)).containsExactly(4, 4);
    assertThat(s.around(9)).containsExactly(9, 9);
    assertThat(s.around(10)).containsExactly(10, 10);
  }

  @Test
  void methodsOfAJavaClass() {
    FunctionSpans s =
        FunctionSpans.of(
            """
        class A {
          void f() {
            g();
          }
          int x;
        }
        """,
            true);
    assertThat(s.around(3)).containsExactly(2, 4);
    assertThat(s.around(5)).containsExactly(5, 5);
  }

  @Test
  void anUnterminatedLiteralOrCommentDoesNotLoseLines() {
    FunctionSpans s = FunctionSpans.of("char *p = \"abc\nvoid f(void)\n{\n}\n", false);
    assertThat(s.around(3)).containsExactly(3, 4);
  }
}
