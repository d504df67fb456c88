package dev.mrcheck.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.c.CFrontend;
import dev.mrcheck.frontend.java.JavaFrontend;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.TranslationUnit;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A parse that overflows a thread's stack (here a small one, so that nesting under the screen's
 * limit overflows) drops the function that overflowed, found by bisection, and keeps the others.
 */
class SmallStackTest {
  private static final long SMALL_STACK = 256 * 1024;

  private static TranslationUnit onSmallStack(Frontend frontend, String name, String text)
      throws Exception {
    AtomicReference<TranslationUnit> out = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> out.set(frontend.parse(new SourceFile(Path.of("/x/" + name), name, text))),
            "small-stack",
            SMALL_STACK);
    t.start();
    t.join();
    return out.get();
  }

  private static String parens(int n) {
    return "(".repeat(n) + "x" + ")".repeat(n);
  }

  @Test
  void cKeepsTheFunctionsAroundTheOneThatOverflows() throws Exception {
    String text =
        "static int before(int x)\n{\n    return x + 1;\n}\n"
            + "static int deep(int x)\n{\n    return "
            + parens(1_900)
            + ";\n}\n"
            + "static int after(int x)\n{\n    return x - 1;\n}\n";
    TranslationUnit tu = onSmallStack(new CFrontend(FrontendOptions.NONE), "d.c", text);
    assertThat(tu.functions()).extracting(Function::name).containsExactly("before", "after");
    assertThat(tu.problems())
        .extracting(p -> p.loc().line() + " " + p.droppedFunction() + ": " + p.message())
        .containsExactly("5 deep: it nests too deeply: parsing it ran out of stack");
  }

  @Test
  void javaKeepsTheMethodsAroundTheOneThatOverflows() throws Exception {
    String text =
        "class D {\n  long before(long x) { return x + 1; }\n"
            + "  long deep(long x) {\n    return "
            + parens(1_900)
            + ";\n  }\n"
            + "  long after(long x) { return x - 1; }\n}\n";
    TranslationUnit tu = onSmallStack(new JavaFrontend(), "D.java", text);
    assertThat(tu.functions())
        .extracting(Function::name)
        .contains("D.before", "D.after")
        .doesNotContain("D.deep");
    assertThat(tu.problems()).extracting(ParseProblem::droppedFunction).containsExactly("deep");
    assertThat(tu.problems().get(0).loc().line()).isEqualTo(3);
  }
}
