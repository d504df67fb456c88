package dev.mrcheck.frontend.c;

import static dev.mrcheck.frontend.c.CSnippets.names;
import static dev.mrcheck.frontend.c.CSnippets.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Type registrations, struct fields, string macros, problems, and robustness. */
class ExtractionTest {
  @Test
  void singleTypeInfo() {
    TranslationUnit tu =
        parse(
            """
        #define TYPE_MY_DEV "my-dev"
        static const TypeInfo my_dev_info = {
            .name = TYPE_MY_DEV,
            .parent = TYPE_PCI_DEVICE,
            .instance_size = sizeof(MyState),
            .instance_init = my_init,
            .instance_finalize = my_finalize,
            .class_init = my_class_init,
            .abstract = true,
            .interfaces = (const InterfaceInfo[]) { { INTERFACE_PCIE_DEVICE }, { } },
        };
        """);
    assertThat(tu.types()).hasSize(1);
    TypeRegistration t = tu.types().get(0);
    assertThat(t.name()).isEqualTo("TYPE_MY_DEV");
    assertThat(t.parent()).isEqualTo("TYPE_PCI_DEVICE");
    assertThat(t.instanceStruct()).isEqualTo("MyState");
    assertThat(t.hooks())
        .isEqualTo(
            Map.of(
                "instance_init",
                "my_init",
                "instance_finalize",
                "my_finalize",
                "class_init",
                "my_class_init"));
    assertThat(t.properties()).containsEntry("abstract", "true");
    assertThat(t.loc().line()).isEqualTo(2);
    assertThat(tu.stringMacros()).containsEntry("TYPE_MY_DEV", "my-dev");
  }

  @Test
  void typeInfoArrayWithStructKeywordAndLiteralNames() {
    TranslationUnit tu =
        parse(
            """
        static const TypeInfo my_types[] = {
            {
                .name = "my-bus-dev",
                .parent = TYPE_SYS_BUS_DEVICE,
                .instance_size = sizeof(struct MyBusState),
                .class_init = bus_class_init,
            }, {
                .name = TYPE_MY_OTHER,
                .parent = "my-bus-dev",
            },
        };
        DEFINE_TYPES(my_types)
        """);
    assertThat(tu.types())
        .extracting(TypeRegistration::name)
        .containsExactly("\"my-bus-dev\"", "TYPE_MY_OTHER");
    assertThat(tu.types().get(0).instanceStruct()).isEqualTo("MyBusState");
    assertThat(tu.types().get(0).hooks()).containsEntry("class_init", "bus_class_init");
    assertThat(tu.types().get(1).parent()).isEqualTo("\"my-bus-dev\"");
    assertThat(tu.types().get(1).loc().line()).isEqualTo(7);
  }

  @Test
  void objectDefineTypeProducesARegistration() {
    TranslationUnit tu =
        parse(
            """
        OBJECT_DEFINE_SIMPLE_TYPE(MyThing, my_thing, MY_THING, DEVICE)
        static void my_thing_class_init(ObjectClass *oc, const void *data) { }
        """);
    assertThat(tu.types())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("TYPE_MY_THING");
              assertThat(t.parent()).isEqualTo("TYPE_DEVICE");
              assertThat(t.instanceStruct()).isEqualTo("MyThing");
              assertThat(t.hooks()).containsEntry("class_init", "my_thing_class_init");
            });
  }

  @Test
  void structFields() {
    TranslationUnit tu =
        parse(
            """
        typedef struct MyState {
            PCIDevice parent_obj;
            MemoryRegion mmio;
            MemoryRegion *dyn;
            struct { MemoryRegion mr; uint32_t size; } bars[6];
            union { MemoryRegion ram; MemoryRegion alias; };
            const char *name;
        } MyState;
        struct Plain { AddressSpace as; };
        typedef struct { int x; } Anon;
        """);
    assertThat(tu.fields())
        .contains(
            new StructField("MyState", "parent_obj", "PCIDevice", false, false),
            new StructField("MyState", "mmio", "MemoryRegion", false, false),
            new StructField("MyState", "dyn", "MemoryRegion", true, false),
            new StructField("MyState", "bars", "MyState.bars", false, true),
            new StructField("MyState.bars", "mr", "MemoryRegion", false, false),
            new StructField("MyState", "ram", "MemoryRegion", false, false),
            new StructField("MyState", "alias", "MemoryRegion", false, false),
            new StructField("MyState", "name", "char", true, false),
            new StructField("Plain", "as", "AddressSpace", false, false),
            new StructField("Anon", "x", "int", false, false));
  }

  @Test
  void stringMacrosOnlyPlainStrings() {
    TranslationUnit tu =
        parse(
            """
        #define TYPE_A "a-dev"
        #define TYPE_B "b\\"q"
        #define NOT_STRING 42
        #define FN(x) "fn"
        #define TWO "a" "b"
        """);
    assertThat(tu.stringMacros()).isEqualTo(Map.of("TYPE_A", "a-dev", "TYPE_B", "b\\\"q"));
  }

  @Test
  void syntaxErrorInsideAFunctionKeepsTheOthers() {
    TranslationUnit tu =
        parse(
            """
        static void before(void) { a(); }
        static void broken(void)
        {
            x = = 3 +;
            b();
        }
        static void after(void) { c(); }
        """);
    assertThat(names(tu)).containsExactly("before", "broken", "after");
    assertThat(tu.problems()).isNotEmpty();
    ParseProblem p = tu.problems().get(0);
    assertThat(p.loc().line()).isEqualTo(4);
    assertThat(p.droppedFunction()).isNull();
    assertThat(CSnippets.stmts(CSnippets.fn(tu, "broken"))).contains("call b()");
  }

  @Test
  void droppedFunctionIsNamed() {
    assertThat(
            ProblemCollector.definedFunctions(
                "UNKNOWN_MACRO(a, b)\nstatic int lost(int (*f)(void))\n{ if (x) { } }"))
        .containsExactly("lost");
    assertThat(ProblemCollector.definedFunctions("static const Foo t[] = { { 1 } };")).isEmpty();
  }

  @Test
  void emptyFile() {
    TranslationUnit tu = parse("");
    assertThat(tu.functions()).isEmpty();
    assertThat(tu.problems()).isEmpty();
    assertThat(tu.lines()).isZero();
    assertThat(tu.file()).isEqualTo("hw/dev.c");
    assertThat(tu.language()).isEqualTo("c");
  }

  @Test
  void neverThrows() {
    TranslationUnit tu =
        new CFrontend(FrontendOptions.NONE).parse(new SourceFile(null, "x.c", null));
    assertThat(tu.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.loc().line()).isEqualTo(1));
    assertThat(tu.functions()).isEmpty();
  }

  @Test
  void fiftyThousandLineFile() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      b.append("static void f")
          .append(i)
          .append("(MyState *s)\n{\n")
          .append("    if (s->x) {\n        g(s, ")
          .append(i)
          .append(");\n    }\n")
          .append("    memory_region_init_io(&s->mr[")
          .append(i)
          .append("], OBJECT(s), &ops, s, \"r\", 4);\n")
          .append("    /* done */\n    return;\n}\n\n");
    }
    TranslationUnit tu = parse(b.toString());
    assertThat(tu.lines()).isEqualTo(50000);
    assertThat(tu.functions()).hasSize(5000);
    assertThat(tu.problems()).isEmpty();
  }

  @Test
  void includeDirectoriesAreRead(@TempDir Path dir) throws Exception {
    Path inc = Files.createDirectories(dir.resolve("include/hw"));
    Files.writeString(
        inc.resolve("mydev.h"),
        """
        #define TYPE_MY_DEV "my-dev"
        #define MY_SETUP(s) my_setup_impl((s), 1)
        typedef struct Hidden { MemoryRegion mr; } Hidden;
        """);
    Path c = dir.resolve("dev.c");
    String code =
        """
        #include "hw/mydev.h"
        static void f(MyState *s) { MY_SETUP(s); }
        """;
    CFrontend withInclude =
        new CFrontend(new FrontendOptions(List.of(dir.resolve("include")), Map.of()));
    TranslationUnit tu = withInclude.parse(new SourceFile(c, "dev.c", code));
    assertThat(CSnippets.stmts(CSnippets.fn(tu, "f"))).containsExactly("call my_setup_impl(s, 1)");
    assertThat(tu.fields()).isEmpty(); // the header's structs belong to the header
    assertThat(CSnippets.fn(tu, "f").cfg().statements().get(0).loc().line()).isEqualTo(2);

    TranslationUnit without =
        new CFrontend(FrontendOptions.NONE).parse(new SourceFile(c, "dev.c", code));
    assertThat(CSnippets.stmts(CSnippets.fn(without, "f"))).containsExactly();
  }

  @Test
  void definesFromTheCommandLine() {
    CFrontend f = new CFrontend(new FrontendOptions(List.of(), Map.of("CONFIG_MY", "1")));
    TranslationUnit tu =
        f.parse(
            new SourceFile(
                null,
                "d.c",
                """
        #ifdef CONFIG_MY
        static void on(void) { }
        #endif
        """));
    assertThat(names(tu)).containsExactly("on");
  }

  @Test
  void parsesConcurrently() throws Exception {
    String code =
        """
        static void r(DeviceState *dev) { memory_region_init_io(&s->mmio, OBJECT(dev), &ops, s, "m", 4); }
        """;
    TranslationUnit expected = parse(code);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TranslationUnit>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) results.add(pool.submit(() -> parse(code)));
      for (Future<TranslationUnit> r : results) {
        assertThat(CSnippets.stmts(r.get().functions().get(0)))
            .isEqualTo(CSnippets.stmts(expected.functions().get(0)));
      }
    } finally {
      pool.shutdown();
    }
  }
}
