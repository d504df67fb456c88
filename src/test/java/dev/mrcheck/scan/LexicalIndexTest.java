package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which names a file calls, as the relevance fixpoint sees them before any parse. */
class LexicalIndexTest {
  @Test
  void aFunctionDefinitionOrPrototypeIsNotACallOfItsName() {
    LexicalIndex idx =
        LexicalIndex.of(
            """
        #include "qemu/osdep.h"
        static void helper(int x);
        int main(int argc, char **argv)
        {
            helper(argc);
            return run_tests();
        }
        static char *
        make_name(void)
        {
            return g_strdup("x");
        }
        """);
    assertThat(idx.calledNames)
        .contains("helper", "run_tests", "g_strdup")
        .doesNotContain("main", "make_name");
  }

  @Test
  void callsInMacroDefinitionsAndFileScopeMacroUsesStillCount() {
    LexicalIndex idx =
        LexicalIndex.of(
            """
        #define MAP(s) memory_region_add_subregion(get_system_memory(), 0, &(s)->mmio)
        type_init(my_register_types)
        #endif
        my_file_scope_macro(x)
        """);
    assertThat(idx.calledNames)
        .contains(
            "memory_region_add_subregion", "get_system_memory", "type_init", "my_file_scope_macro");
  }

  @Test
  void commentsAndLiteralsNeitherCallNorUnbalanceBraces() {
    LexicalIndex idx =
        LexicalIndex.of(
            """
        /* object_unparent(obj) in a comment */
        // memory_region_del_subregion(a, b)
        static const char *s = "}{ address_space_init(";
        static char c = '}';
        static void realize(DeviceState *dev)
        {
            memory_region_init_io(&s->mmio, OBJECT(dev), &ops, s, "x", 4);
        }
        """);
    assertThat(idx.calledNames)
        .contains("memory_region_init_io", "OBJECT")
        .doesNotContain(
            "object_unparent", "memory_region_del_subregion", "address_space_init", "realize");
  }

  @Test
  void unbalancedConditionalBracesNeverHideACall() {
    // An extra '}' from an #if branch drops the depth to file scope inside the body: calls there
    // still count.
    LexicalIndex idx =
        LexicalIndex.of(
            """
        static void f(void)
        {
        #ifdef A
            if (x) {
        #endif
            }
            }
            x = region_helper(s);
            if (y) other_helper(s);
            return last_helper(s);
        }
        """);
    assertThat(idx.calledNames).contains("region_helper", "other_helper", "last_helper");
  }

  @Test
  void typesWhoseClassInitSaysNeverUnpluggedAreKnownWithoutAParse() {
    LexicalIndex idx =
        LexicalIndex.of(
            """
        static void lamp_class_init(ObjectClass *klass, const void *data)
        {
            DeviceClass *dc = DEVICE_CLASS(klass);
            dc->hotpluggable = false;
        }
        static void kiosk_class_init(ObjectClass *klass, const void *data)
        {
            DEVICE_CLASS(klass)->user_creatable = false;
        }
        static void plug_class_init(ObjectClass *klass, const void *data)
        {
            DeviceClass *dc = DEVICE_CLASS(klass);
            dc->hotpluggable = true;
        }
        static const TypeInfo types[] = {
            { .name = TYPE_LAMP, .parent = TYPE_PCI_DEVICE, .class_init = lamp_class_init },
            { .name = TYPE_KIOSK, .parent = TYPE_PCI_DEVICE, .class_init = kiosk_class_init },
            { .name = TYPE_PLUG, .parent = TYPE_PCI_DEVICE, .class_init = plug_class_init },
        };
        """);
    assertThat(idx.typeParents).containsKeys("TYPE_LAMP", "TYPE_KIOSK", "TYPE_PLUG");
    assertThat(idx.neverUnplugged).containsExactlyInAnyOrder("TYPE_LAMP", "TYPE_KIOSK");
  }

  @Test
  void definitionBodyAgreesWithTheExpressionItReplaced() {
    java.util.Random r = new java.util.Random(7);
    String alphabet = "fo_x( ){};\n\t";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(16);
      for (int k = 0; k < n; k++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
      String text = b.toString();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\bfo\\s*\\([^;{}()]*\\)\\s*\\{").matcher(text);
      int expected = m.find() ? m.end() - 1 : -1;
      assertThat(LexicalIndex.definitionBody(text, "fo")).as(text).isEqualTo(expected);
    }
  }
}
