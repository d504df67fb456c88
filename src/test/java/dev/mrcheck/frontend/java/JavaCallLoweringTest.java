package dev.mrcheck.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCallLoweringTest {

  @Test
  void ffmCallsKeepTheirCNamesAndLookThroughCastMacros() {
    Lowered l =
        Lowered.java(
            """
        import java.lang.foreign.MemorySegment;
        class Dev {
          record State(MemorySegment mmio, MemorySegment bars) {}
          static native State DEV(MemorySegment obj);
          static void realize(MemorySegment dev, MemorySegment errp) {
            State s = DEV(dev);
            memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(s), MemorySegment.NULL, null, NAME, 0x100L);
            memory_h.memory_region_add_subregion(memory_h.get_system_memory(), 0L, s.mmio());
            qom_h.object_unparent(qom_h.OBJECT(s.mmio()));
          }
        }
        """);
    assertThat(l.statements("Dev.realize"))
        .containsExactly(
            "s := dev",
            "memory_region_init_io(s->mmio, s, NULL, NULL, NAME, 0x100L)",
            "get_system_memory()",
            "memory_region_add_subregion(get_system_memory(), 0L, s->mmio)",
            "object_unparent(s->mmio)");
    Stmt.Call init = (Stmt.Call) l.function("Dev.realize").cfg().statements().get(1);
    assertThat(init.args().get(0))
        .isEqualTo(new Value.Path(AccessPath.of(AccessPath.Root.LOCAL, "s", "mmio")));
    assertThat(init.args().get(2)).isInstanceOf(Value.Null.class);
    // jextract erases Error **errp to a MemorySegment; QEMU's name says it is the error handle.
    assertThat(l.function("Dev.realize").params())
        .containsExactly(new Param("dev", "MemorySegment"), new Param("errp", "Error"));
  }

  @Test
  void staticImportedCNamedFunctionsKeepTheirNames() {
    Lowered l =
        Lowered.java(
            """
        import static api.memory_h.*;
        class Dev {
          void realize() { memory_region_ref(mmio); }
        }
        """);
    assertThat(l.calls("Dev.realize")).containsExactly("memory_region_ref(this->mmio)");
  }

  @Test
  void facadeStaticCallsAreQualifiedAndStoreTheirResult() {
    Lowered l =
        Lowered.java(
            """
        class Dev extends PCIDevice {
          private MemoryRegion mmio;
          protected void realize() {
            this.mmio = MemoryRegion.io(this, null, "dev-mmio", 0x1000);
            MemoryRegion local = MemoryRegion.container(this, "c", 16);
          }
        }
        """);
    Function f = l.function("Dev.realize");
    assertThat(l.statements("Dev.realize"))
        .containsExactly(
            "this->mmio = MemoryRegion.io(this, NULL, \"dev-mmio\", 0x1000)",
            "local = MemoryRegion.container(this, \"c\", 16)");
    Stmt.Call io = (Stmt.Call) f.cfg().statements().get(0);
    assertThat(io.result()).isEqualTo(AccessPath.of(AccessPath.Root.PARAM, "this", "mmio"));
    assertThat(io.args().get(0))
        .isEqualTo(new Value.Path(AccessPath.of(AccessPath.Root.PARAM, "this")));
    assertThat(io.args().get(2)).isEqualTo(new Value.Literal("\"dev-mmio\""));
    Stmt.Call c = (Stmt.Call) f.cfg().statements().get(1);
    assertThat(c.result()).isEqualTo(AccessPath.of(AccessPath.Root.LOCAL, "local"));
    assertThat(f.localTypes()).containsEntry("local", "MemoryRegion").containsEntry("this", "Dev");
  }

  @Test
  void instanceCallsPassTheReceiverFirstNamedByItsDeclaredType() {
    Lowered l =
        Lowered.java(
            """
        class Dev {
          private MemoryRegion container;
          void unrealize(MemoryRegion sub, AddressSpace as) {
            container.addSubregion(0x10, sub);
            var c2 = container;
            c2.delSubregion(sub);
            as.destroy();
            sub.unparent();
          }
        }
        """);
    assertThat(l.calls("Dev.unrealize"))
        .containsExactly(
            "MemoryRegion.addSubregion(this->container, 0x10, sub)",
            "MemoryRegion.delSubregion(c2, sub)",
            "AddressSpace.destroy(as)",
            "MemoryRegion.unparent(sub)");
  }

  @Test
  void receiversOfUnknownTypeUseTheOnlyScannedDeclarerElseAQuestionMark() {
    Lowered l =
        Lowered.java(
            """
        class Helper { void flush(int n) {} }
        class Dev {
          void run(Object o) {
            mystery().flush(1);
            mystery().vanish();
          }
        }
        """);
    assertThat(l.calls("Dev.run"))
        .containsExactly(
            "mystery()", "Helper.flush(mystery(), 1)", "mystery()", "?.vanish(mystery())");
  }

  @Test
  void fieldsArraysAndThisBecomePathsRootedAtThis() {
    Lowered l =
        Lowered.java(
            """
        class Bar { MemoryRegion mr; }
        class Dev {
          Bar[] bars;
          MemoryRegion mmio;
          void exit(int i) {
            bars[i].mr.unparent();
            this.mmio.unparent();
            mmio.unparent();
            MemoryRegion alias = this.bars[0].mr;
          }
        }
        """);
    assertThat(l.statements("Dev.exit"))
        .containsExactly(
            "MemoryRegion.unparent(this->bars[*]->mr)",
            "MemoryRegion.unparent(this->mmio)",
            "MemoryRegion.unparent(this->mmio)",
            "alias := this->bars[*]->mr");
  }

  @Test
  void trivialGettersAndRecordAccessorsBecomeFieldPaths() {
    Lowered l =
        Lowered.java(
            """
        class State {
          private MemoryRegion mmio;
          MemoryRegion mmio() { return mmio; }
          MemoryRegion io() { return this.io; }
          MemoryRegion busy() { touch(); return mmio; }
          void touch() {}
        }
        record Regs(MemorySegment ram) {}
        class Dev {
          State s;
          MemoryRegion own;
          MemoryRegion own() { return own; }
          void realize(Regs r) {
            s.mmio().ref();
            s.io().ref();
            s.busy().ref();
            memory_h.memory_region_ref(r.ram());
            own().ref();
          }
        }
        """);
    assertThat(l.calls("Dev.realize"))
        .containsExactly(
            "MemoryRegion.ref(this->s->mmio)",
            "MemoryRegion.ref(this->s->io)",
            "State.busy(this->s)",
            "MemoryRegion.ref(State.busy(this->s))",
            "memory_region_ref(r->ram)",
            "MemoryRegion.ref(this->own)");
  }

  @Test
  void gettersAndSuperclassesInOtherScannedFilesAreKnown(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("dev/x"));
    Files.writeString(
        root.resolve("dev/x/State.java"),
        """
        package dev.x;
        public class State {
          private MemoryRegion mmio;
          public MemoryRegion mmio() { return mmio; }
        }
        """);
    Files.writeString(
        root.resolve("dev/x/Base.java"),
        """
        package dev.x;
        public abstract class Base extends PCIDevice {
          protected State state;
          protected void teardown(MemoryRegion mr) { mr.unparent(); }
          @Override protected void exit() { teardown(state.mmio()); }
        }
        """);
    String code =
        """
        package dev.x;
        public class Card extends Base {
          @Override protected void realize() {
            state.mmio().ref();
            teardown(state.mmio());
          }
        }
        """;
    Files.writeString(root.resolve("dev/x/Card.java"), code);
    Lowered l = Lowered.with(new JavaFrontend(List.of(root)), code);
    assertThat(l.calls("Card.realize"))
        .containsExactly(
            "MemoryRegion.ref(this->state->mmio)", "Base.teardown(this, this->state->mmio)");
    assertThat(l.type("Card").parent()).isEqualTo("Base");
    assertThat(l.type("Card").hooks())
        .containsEntry("realize", "Card.realize")
        .containsEntry("unrealize", "Base.exit");
  }

  @Test
  void helperCallsOnThisPassThisFirstAndOverloadsCarryTheirArity() {
    Lowered l =
        Lowered.java(
            """
        class Dev {
          void realize() {
            helper(mmio);
            this.helper(mmio, 2);
            util(3);
            Dev.util(4);
          }
          void helper(MemoryRegion mr) {}
          void helper(MemoryRegion mr, int n) {}
          static void util(int n) {}
        }
        """);
    assertThat(l.calls("Dev.realize"))
        .containsExactly(
            "Dev.helper/1(this, this->mmio)",
            "Dev.helper/2(this, this->mmio, 2)",
            "Dev.util(3)",
            "Dev.util(4)");
    assertThat(l.functionNames()).contains("Dev.helper/1", "Dev.helper/2", "Dev.util");
  }

  @Test
  void lambdasAndAnonymousClassesAreFunctionsOfTheirOwn() {
    Lowered l =
        Lowered.java(
            """
        class Dev {
          MemoryRegion win;
          void realize() {
            MemoryRegion.io(this, (addr, size) -> { win.unparent(); return 0L; }, "a", 1);
            MemoryRegion.io(this, this::read, "b", 1);
            Runnable r = new Runnable() { public void run() { win.ref(); } };
          }
          long read(long a, int s) { return 0; }
        }
        """);
    assertThat(l.calls("Dev.realize"))
        .containsExactly(
            "MemoryRegion.io(this, Dev.realize$lambda$1, \"a\", 1)",
            "MemoryRegion.io(this, Dev.read, \"b\", 1)",
            "r = Runnable.<init>(r)");
    Function lambda = l.function("Dev.realize$lambda$1");
    assertThat(lambda.params())
        .containsExactly(new Param("this", "Dev"), new Param("addr", "?"), new Param("size", "?"));
    assertThat(IrText.statements(lambda))
        .containsExactly("MemoryRegion.unparent(this->win)", "return 0L");
    assertThat(l.calls("Dev.realize$anon$2.run")).containsExactly("MemoryRegion.ref(this->win)");
  }

  @Test
  void constructorsRunFieldInitializersAndNewPassesTheObjectFirst() {
    Lowered l =
        Lowered.java(
            """
        class Dev {
          MemoryRegion mmio = MemoryRegion.io(this, null, "m", 1);
          int size = 4;
          Dev(int n) { super(); mmio.ref(); }
          void make() { Dev d = new Dev(3); }
        }
        """);
    assertThat(l.statements("Dev.<init>"))
        .containsExactly(
            "?.<init>(this)",
            "this->mmio = MemoryRegion.io(this, NULL, \"m\", 1)",
            "MemoryRegion.ref(this->mmio)");
    assertThat(l.calls("Dev.make")).containsExactly("d = Dev.<init>(d, 3)");
  }
}
