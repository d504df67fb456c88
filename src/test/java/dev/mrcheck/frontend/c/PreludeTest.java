package dev.mrcheck.frontend.c;

import static dev.mrcheck.frontend.c.CSnippets.names;
import static dev.mrcheck.frontend.c.CSnippets.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.TranslationUnit;
import org.junit.jupiter.api.Test;

/** QEMU/GLib macros that would make CDT lose the next function without the prelude. */
class PreludeTest {
  private static void keeps(String code, String... functions) {
    TranslationUnit tu = parse(code);
    assertThat(names(tu)).contains(functions);
    assertThat(tu.droppedFunctions()).isZero();
  }

  @Test
  void registerFieldMacrosWithoutSemicolons() {
    keeps(
        """
        REG32(CTRL, 0x0)
            FIELD(CTRL, EN, 0, 1)
            FIELD(CTRL, MODE, 1, 2)
        REG8(STAT, 0x4)
        static uint64_t my_read(void *opaque, hwaddr addr, unsigned size)
        {
            return 0;
        }
        """,
        "my_read");
  }

  @Test
  void qomDeclarationsAndRegistration() {
    keeps(
        """
        #define TYPE_MY_DEV "my-dev"
        OBJECT_DECLARE_SIMPLE_TYPE(MyState, MY_DEV)
        DECLARE_INSTANCE_CHECKER(MyState, MY_OTHER, TYPE_MY_DEV)
        static void my_realize(DeviceState *dev, Error **errp)
        {
            MyState *s = MY_DEV(dev);
        }
        static const TypeInfo my_types[] = { { .name = TYPE_MY_DEV } };
        DEFINE_TYPES(my_types)
        static void my_register(void) { }
        type_init(my_register)
        static void after_type_init(void) { }
        """,
        "my_realize",
        "my_register",
        "after_type_init");
  }

  @Test
  void annotationsAndPackedStructs() {
    keeps(
        """
        typedef struct QEMU_PACKED MyRegs {
            uint32_t ctrl;
        } MyRegs;
        struct Other { uint8_t b; } QEMU_PACKED;
        static void G_GNUC_UNUSED unused_helper(void) { }
        static int coroutine_fn my_co(void *opaque) { return 0; }
        static void G_GNUC_PRINTF(2, 3) my_log(void *s, const char *fmt, ...) { }
        """,
        "unused_helper",
        "my_co",
        "my_log");
  }

  @Test
  void loopMacrosGuardsAndFormatMacrosKeepStatements() {
    TranslationUnit tu =
        parse(
            """
        static void walk(MyState *s)
        {
            Child *c;
            g_autofree char *name = NULL;
            QLIST_FOREACH(c, &s->children, next) {
                child_reset(c);
            }
            WITH_QEMU_LOCK_GUARD(&s->lock) {
                locked_work(s);
            }
            qemu_log_mask(LOG_GUEST_ERROR, "bad addr 0x%" HWADDR_PRIx " %" PRIx64 "\\n", a, b);
            error_setg(errp, TYPE_MY_DEV " is broken");
        }
        """);
    assertThat(tu.problems()).isEmpty();
    assertThat(CSnippets.stmts(CSnippets.fn(tu, "walk")))
        .anyMatch(s -> s.startsWith("call child_reset"))
        .anyMatch(s -> s.startsWith("call locked_work"))
        .anyMatch(s -> s.startsWith("call qemu_log_mask"))
        .anyMatch(s -> s.startsWith("call error_setg"));
  }

  @Test
  void machineDefinitionsAndBuildAsserts() {
    keeps(
        """
        QEMU_BUILD_BUG_ON(sizeof(int) != 4);
        static void board_init(MachineState *m) { }
        DEFINE_MACHINE("myboard", board_init)
        static void after_machine(void) { QEMU_BUILD_BUG_ON(1 != 1); }
        module_obj(TYPE_MY_DEV);
        """,
        "board_init",
        "after_machine");
  }

  @Test
  void withoutPreludeTheFunctionAfterReg32IsDropped() {
    TranslationUnit tu =
        new CFrontend(dev.mrcheck.frontend.FrontendOptions.NONE, false)
            .parse(
                new dev.mrcheck.frontend.SourceFile(
                    null,
                    "x.c",
                    """
            REG32(CTRL, 0x0)
            static int lost(void)
            {
                return 0;
            }
            """));
    assertThat(tu.droppedFunctions()).isEqualTo(1);
    assertThat(tu.problems().get(0).droppedFunction()).isEqualTo("lost");
  }
}
