package dev.mrcheck.frontend.c;

import static dev.mrcheck.frontend.c.CSnippets.fn;
import static dev.mrcheck.frontend.c.CSnippets.parse;
import static dev.mrcheck.frontend.c.CSnippets.paths;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.Function;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Control flow: each test lists every entry-to-exit path of a small function. */
class CfgShapeTest {
  private static Function only(String code) {
    return parse(code).functions().get(0);
  }

  @Test
  void ifElseWithCallConditionAndNegation() {
    Function f =
        only(
            """
        static void f(MyState *s)
        {
            if (!memory_region_is_mapped(&s->mmio)) {
                a(s);
            } else {
                b(s);
            }
            if (s->flag) {
                c(s);
            }
        }
        """);
    assertThat(paths(f))
        .containsExactlyInAnyOrder(
            List.of(
                "call memory_region_is_mapped(s->mmio)",
                "assume !memory_region_is_mapped(...)",
                "call a(s)",
                "assume s->flag",
                "call c(s)"),
            List.of(
                "call memory_region_is_mapped(s->mmio)",
                "assume !memory_region_is_mapped(...)",
                "call a(s)",
                "assume !s->flag"),
            List.of(
                "call memory_region_is_mapped(s->mmio)",
                "assume memory_region_is_mapped(...)",
                "call b(s)",
                "assume s->flag",
                "call c(s)"),
            List.of(
                "call memory_region_is_mapped(s->mmio)",
                "assume memory_region_is_mapped(...)",
                "call b(s)",
                "assume !s->flag"));
  }

  @Test
  void gotoFailPathAndEarlyReturn() {
    Function f =
        only(
            """
        static void realize(MyState *s, Error **errp)
        {
            if (!s->chr) {
                return;
            }
            memory_region_add_subregion(get_system_memory(), 0, &s->mmio);
            if (setup(s) < 0) {
                goto fail;
            }
            return;
        fail:
            object_unparent(OBJECT(&s->mmio));
        }
        """);
    assertThat(paths(f))
        .containsExactlyInAnyOrder(
            List.of("assume !s->chr", "return"),
            List.of(
                "assume s->chr",
                "call get_system_memory()",
                "call memory_region_add_subregion(get_system_memory(), NULL, s->mmio)",
                "call setup(s)",
                "assume !setup(s) < 0",
                "return"),
            List.of(
                "assume s->chr",
                "call get_system_memory()",
                "call memory_region_add_subregion(get_system_memory(), NULL, s->mmio)",
                "call setup(s)",
                "assume setup(s) < 0",
                "call object_unparent(s->mmio)"));
  }

  @Test
  void whileLoopRunsZeroOrMoreTimesAndBreakLeavesIt() {
    Function f =
        only(
            """
        static void f(MyState *s)
        {
            while (more(s)) {
                if (done(s))
                    break;
                step(s);
            }
            end(s);
        }
        """);
    assertThat(paths(f))
        .contains(
            List.of("call more(s)", "assume !more(...)", "call end(s)"),
            List.of(
                "call more(s)",
                "assume more(...)",
                "call done(s)",
                "assume done(...)",
                "call end(s)"),
            List.of(
                "call more(s)",
                "assume more(...)",
                "call done(s)",
                "assume !done(...)",
                "call step(s)",
                "call more(s)",
                "assume !more(...)",
                "call end(s)"));
  }

  @Test
  void constantLoopsHaveNoImpossibleEdge() {
    Function f =
        only(
            """
        static void f(MyState *s)
        {
            do {
                once(s);
            } while (0);
            for (;;) {
                if (stop(s))
                    break;
            }
        }
        """);
    assertThat(paths(f))
        .allMatch(p -> p.get(0).equals("call once(s)") && p.lastIndexOf("call once(s)") == 0);
    assertThat(paths(f)).contains(List.of("call once(s)", "call stop(s)", "assume stop(...)"));
  }

  @Test
  void switchWithFallthroughAndNoDefault() {
    Function f =
        only(
            """
        static void f(MyState *s, int op)
        {
            switch (op) {
            case 1:
                one(s);
            case 2:
                two(s);
                break;
            case 3:
                return;
            }
            after(s);
        }
        """);
    assertThat(paths(f))
        .containsExactlyInAnyOrder(
            List.of("call one(s)", "call two(s)", "call after(s)"),
            List.of("call two(s)", "call after(s)"),
            List.of("return"),
            List.of("call after(s)"));
  }

  @Test
  void noreturnCallsEndThePath() {
    Function f =
        only(
            """
        static void f(MyState *s)
        {
            if (s->broken) {
                g_assert_not_reached();
            }
            ok(s);
        }
        """);
    assertThat(paths(f)).containsExactly(List.of("assume !s->broken", "call ok(s)"));
  }

  @Test
  void callsThroughAFieldAreKeptCallsThroughAVariableAreNot() {
    Function f =
        fn(
            parse(
                """
        static void f(MyState *s, void (*cb)(int))
        {
            s->ops->read(s, inner(s));
            (*cb)(1);
            cb(2);
        }
        """),
            "f");
    assertThat(CSnippets.stmts(f))
        .containsExactly("call inner(s)", "call s->ops->read(s, inner(s))");
  }
}
