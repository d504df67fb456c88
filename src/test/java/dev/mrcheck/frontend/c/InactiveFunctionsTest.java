package dev.mrcheck.frontend.c;

import static dev.mrcheck.frontend.c.CSnippets.names;
import static dev.mrcheck.frontend.c.CSnippets.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.TranslationUnit;
import org.junit.jupiter.api.Test;

/**
 * Function definitions in preprocessor branches the parse does not take are counted, not analyzed.
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
        .contains("always", "blob_v0", "posix_only")
        .doesNotContain("with_gl", "blob_v1");
    assertThat(tu.inactiveFunctions()).isEqualTo(3); // with_gl, blob_v1, nested_dead
  }

  @Test
  void noConditionalsNoneInactive() {
    assertThat(parse("static int f(void)\n{\n    return 0;\n}\n").inactiveFunctions()).isZero();
  }
}
