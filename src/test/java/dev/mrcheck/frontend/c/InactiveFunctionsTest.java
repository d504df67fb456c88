package dev.mrcheck.frontend.c;

import static dev.mrcheck.frontend.c.CSnippets.fn;
import static dev.mrcheck.frontend.c.CSnippets.names;
import static dev.mrcheck.frontend.c.CSnippets.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TranslationUnit;
import org.junit.jupiter.api.Test;

/**
 * Function definitions in preprocessor branches the first parse does not take are counted, and a
 * second parse with the branches' macros defined adds them, once each.
 */
class InactiveFunctionsTest {
  @Test
  void countsDefinitionsUnderConfigurationConditionalsNothingDefines() {
    TranslationUnit tu =
        parse(
            """
        static int always(void)
        {
            return 0;
        }

        #ifdef CONFIG_OPENGL
        static int with_gl(void)
        {
            return 1;
        }
        #endif

        #if VIRGL_VERSION_MAJOR >= 1
        static int blob_v1(void *opaque,
                           int id)
        {
            return id;
        }
        #else
        static int blob_v0(void *opaque, int id)
        {
            return 0;
        }
        #endif

        #ifndef CONFIG_WIN32
        static int posix_only(void)
        {
        #ifdef CONFIG_LINUX
            return 2;
        #endif
            return 3;
        }
        #if 0
        static int nested_dead(void)
        {
            return 4;
        }
        #endif
        #endif

        static const int table[] = {
        #ifdef CONFIG_DEAD
            1, 2,
        #endif
        };
        """);
    assertThat(names(tu))
        .contains("always", "blob_v0", "posix_only", "with_gl", "blob_v1")
        .doesNotContain("nested_dead");
    assertThat(tu.inactiveFunctions()).isEqualTo(3); // with_gl, blob_v1, nested_dead
    // #if 0 tests no macro: dead code stays dead.
    assertThat(tu.recoveredFunctions()).isEqualTo(2);
  }

  @Test
  void aFunctionDefinedInBothBranchesIsKeptOnceAsTheFirstParseReadIt() {
    TranslationUnit tu =
        parse(
            """
        #ifdef CONFIG_SHADOW
        static int drop(int *p)
        {
            return p[1];
        }
        #else
        static int drop(int *p)
        {
            return p[0];
        }
        #endif
        """);
    assertThat(names(tu)).containsExactly("drop");
    assertThat(tu.functions().get(0).loc().line()).isEqualTo(7); // the #else one
    assertThat(tu.inactiveFunctions()).isEqualTo(1);
    assertThat(tu.recoveredFunctions()).isZero();
  }

  @Test
  void aBodyWithAVersionTestedCaseIsReadWithTheCaseTaken() {
    TranslationUnit tu =
        parse(
            """
        #if BLOB_VERSION_MAJOR >= 2
        static void unmap_blob(void *s)
        {
        }
        #endif

        static void command(void *s, int cmd)
        {
            switch (cmd) {
        #if BLOB_VERSION_MAJOR >= 2
            case 2:
                unmap_blob(s);
                break;
        #endif
            default:
                break;
            }
        }
        """);
    assertThat(names(tu)).containsExactlyInAnyOrder("unmap_blob", "command");
    assertThat(tu.recoveredFunctions()).isEqualTo(1);
    assertThat(
            tu.functions().stream()
                .filter(f -> f.name().equals("command"))
                .findFirst()
                .orElseThrow()
                .cfg()
                .statements())
        .anyMatch(st -> st instanceof Stmt.Call c && c.callee().equals("unmap_blob"));
  }

  @Test
  void aMacroDefinedInsideATakenBodyStillReachesTheUntakenBranch() {
    // The second parse skips the bodies it would read for nothing, but never one holding a
    // directive: the #define here is what makes release() call the API.
    TranslationUnit tu =
        parse(
            """
        static int setup(void)
        {
        #define DROP_REGION(r) object_unparent(r)
            return 0;
        }

        #ifdef CONFIG_HOTPLUG
        static void release(void *r)
        {
            DROP_REGION(r);
        }
        #endif
        """);
    assertThat(names(tu)).containsExactlyInAnyOrder("setup", "release");
    assertThat(tu.recoveredFunctions()).isEqualTo(1);
    assertThat(fn(tu, "release").cfg().statements())
        .anyMatch(st -> st instanceof Stmt.Call c && c.callee().equals("object_unparent"));
  }

  @Test
  void takenBodiesAroundAnUntakenBranchKeepTheFirstParsesReading() {
    // Under the second parse's macros `int VIRGL_VERSION_MAJOR` would read `int 1`: the taken
    // bodies are read once, by the first parse, and what follows them is still found.
    TranslationUnit tu =
        parse(
            """
        static int before(void *s)
        {
            int VIRGL_VERSION_MAJOR = probe(s);
            return VIRGL_VERSION_MAJOR;
        }

        #if VIRGL_VERSION_MAJOR >= 1
        static void unmap_blob(void *s)
        {
            memory_region_del_subregion(s, s);
        }
        #endif

        static void after(void *s)
        {
            finish(s);
        }
        """);
    assertThat(names(tu)).containsExactlyInAnyOrder("before", "unmap_blob", "after");
    assertThat(tu.recoveredFunctions()).isEqualTo(1);
    assertThat(fn(tu, "before").cfg().statements())
        .anyMatch(st -> st instanceof Stmt.Call c && c.callee().equals("probe"));
    assertThat(fn(tu, "unmap_blob").cfg().statements())
        .anyMatch(
            st -> st instanceof Stmt.Call c && c.callee().equals("memory_region_del_subregion"));
    assertThat(fn(tu, "after").loc().line()).isEqualTo(14);
  }

  @Test
  void noConditionalsNoneInactive() {
    assertThat(parse("static int f(void)\n{\n    return 0;\n}\n").inactiveFunctions()).isZero();
  }
}
