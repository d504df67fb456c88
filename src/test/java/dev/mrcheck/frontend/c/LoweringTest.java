package dev.mrcheck.frontend.c;

import static dev.mrcheck.frontend.c.CSnippets.fn;
import static dev.mrcheck.frontend.c.CSnippets.parse;
import static dev.mrcheck.frontend.c.CSnippets.stmts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.Value;
import org.junit.jupiter.api.Test;

/** Calls, assignments and access paths of function bodies. */
class LoweringTest {
  private static final String DEVICE =
      """
      OBJECT_DECLARE_SIMPLE_TYPE(MyState, MY_DEV)

      static void my_realize(DeviceState *dev, Error **errp)
      {
          MyState *s = MY_DEV(dev);
          MemoryRegion *mr = &s->mmio;
          int i;

          memory_region_init_io(mr, OBJECT(s), &my_ops, s, "my-mmio", 0x100);
          memory_region_add_subregion(get_system_memory(), 0x1000, mr);
          for (i = 0; i < 4; i++) {
              memory_region_init_io(&s->bars[i].mr, OBJECT(dev), &my_ops, s, NULL, 4);
              object_unparent(OBJECT(&s->bars[i].mr));
          }
          s->as = address_space_init(&s->dma_as, MEMORY_REGION(&s->root), "dma");
          s->ops->reset(s, helper(dev));
      }
      """;

  @Test
  void signatureAndDeclaredTypes() {
    Function f = fn(parse(DEVICE), "my_realize");
    assertThat(f.fileLocal()).isTrue();
    assertThat(f.params())
        .containsExactly(new Param("dev", "DeviceState"), new Param("errp", "Error"));
    assertThat(f.localTypes())
        .containsEntry("s", "MyState")
        .containsEntry("mr", "MemoryRegion")
        .containsEntry("i", "int")
        .containsEntry("dev", "DeviceState");
    assertThat(f.loc().line()).isEqualTo(3);
    assertThat(f.loc().column()).isEqualTo(13);
  }

  @Test
  void callsAssignmentsAndPaths() {
    assertThat(stmts(fn(parse(DEVICE), "my_realize")))
        .containsExactly(
            "s = dev",
            "mr = s->mmio",
            "call memory_region_init_io(mr, s, my_ops, s, \"my-mmio\", 0x100)",
            "call get_system_memory()",
            "call memory_region_add_subregion(get_system_memory(), 0x1000, mr)",
            "i = NULL",
            "assume !i < 4",
            "assume i < 4",
            "call memory_region_init_io(s->bars[*]->mr, dev, my_ops, s, NULL, 4)",
            "call object_unparent(s->bars[*]->mr)",
            "call address_space_init(s->dma_as, s->root, \"dma\") -> s->as",
            "call helper(dev)",
            "call s->ops->reset(s, helper(dev))");
  }

  @Test
  void pathRootsAndValues() {
    Function f = fn(parse(DEVICE), "my_realize");
    Stmt.Call init =
        (Stmt.Call)
            f.cfg().statements().stream()
                .filter(s -> s instanceof Stmt.Call c && c.callee().equals("memory_region_init_io"))
                .findFirst()
                .orElseThrow();
    assertThat(init.args().get(0))
        .isEqualTo(new Value.Path(AccessPath.of(AccessPath.Root.LOCAL, "mr")));
    assertThat(init.args().get(2))
        .isEqualTo(new Value.Path(AccessPath.of(AccessPath.Root.GLOBAL, "my_ops")));
    assertThat(init.args().get(4)).isEqualTo(new Value.Literal("\"my-mmio\""));
    assertThat(init.loc().line()).isEqualTo(9);
    assertThat(init.loc().column()).isEqualTo(5);
    Stmt.Assign alias = (Stmt.Assign) f.cfg().statements().get(1);
    assertThat(alias.target()).isEqualTo(AccessPath.of(AccessPath.Root.LOCAL, "mr"));
    assertThat(alias.value())
        .isEqualTo(new Value.Path(AccessPath.of(AccessPath.Root.LOCAL, "s", "mmio")));
    Stmt.Assign self = (Stmt.Assign) f.cfg().statements().get(0);
    assertThat(self.value()).isEqualTo(new Value.Path(AccessPath.of(AccessPath.Root.PARAM, "dev")));
  }

  @Test
  void classInitHookAssignments() {
    TranslationUnit tu =
        parse(
            """
        static void my_class_init(ObjectClass *klass, const void *data)
        {
            DeviceClass *dc = DEVICE_CLASS(klass);
            PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
            dc->realize = my_realize;
            k->exit = my_exit;
            dc->hotpluggable = false;
            dc->desc = "My device";
            device_class_set_parent_realize(dc, my_realize, &mc->parent_realize);
        }
        """);
    Function f = fn(tu, "my_class_init");
    assertThat(f.localTypes())
        .containsEntry("dc", "DeviceClass")
        .containsEntry("k", "PCIDeviceClass");
    assertThat(stmts(f))
        .containsExactly(
            "dc = klass",
            "k = klass",
            "dc->realize = my_realize",
            "k->exit = my_exit",
            "dc->hotpluggable = false",
            "dc->desc = \"My device\"",
            "call device_class_set_parent_realize(dc, my_realize, mc->parent_realize)");
    Stmt.Assign hook = (Stmt.Assign) f.cfg().statements().get(2);
    assertThat(hook.target()).isEqualTo(AccessPath.of(AccessPath.Root.LOCAL, "dc", "realize"));
    assertThat(hook.value())
        .isEqualTo(new Value.Path(AccessPath.of(AccessPath.Root.GLOBAL, "my_realize")));
  }

  @Test
  void containerOfAndResultThroughCasts() {
    TranslationUnit tu =
        parse(
            """
        typedef struct MyState { PCIDevice parent_obj; MemoryRegion mmio; } MyState;
        static void my_exit(PCIDevice *pdev)
        {
            MyState *s = container_of(pdev, MyState, parent_obj);
            MyState *t = container_of(mr_arg(pdev), MyState, mmio);
            MemoryRegionSection sec;
            sec = memory_region_find(&s->mmio, 0, 4);
            Foo *f = (Foo *) g_malloc0(8);
            Bar *b = g_new0(struct Bar, 1);
            s->mmio.ops = NULL;
            x += compute(s);
        }
        """);
    assertThat(tu.problems()).isEmpty();
    assertThat(stmts(fn(tu, "my_exit")))
        .containsExactly(
            "s = pdev",
            "call mr_arg(pdev)",
            "t = container_of((mr_arg(pdev)), (MyState *)0, mmio)",
            "call memory_region_find(s->mmio, NULL, 4) -> sec",
            "call g_malloc0(8) -> f",
            "call g_new0(sizeof (Bar), 1) -> b",
            "s->mmio->ops = NULL",
            "call compute(s)");
  }

  @Test
  void containerOfMemberPath() {
    Function f =
        fn(
            parse(
                """
        static void cb(Notifier *n)
        {
            MyState *s = container_of(&n->owner->notifier, MyState, notifier);
        }
        """),
            "cb");
    assertThat(stmts(f)).containsExactly("s = n->owner");
  }

  @Test
  void statementExpressionsAndConditionalsAreWalked() {
    Function f =
        fn(
            parse(
                """
        static int g(MyState *s)
        {
            int v = ({ int t = first(s); t + 1; });
            return cond ? left(s) : right(s);
        }
        """),
            "g");
    assertThat(stmts(f)).hasSize(5);
    assertThat(stmts(f).get(0)).isEqualTo("call first(s) -> t");
    assertThat(stmts(f).get(1)).startsWith("v = ");
    assertThat(stmts(f).subList(2, 5))
        .containsExactly("call left(s)", "call right(s)", "return cond ? left(s) : right(s)");
  }
}
