package dev.mrcheck.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import dev.mrcheck.ir.Stmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Functions stored in fields of functional-interface types, and calls through those fields: what
 * the analysis' field-based call graph resolves for Java.
 */
class JavaFieldFunctionsTest {

  @Test
  void callsThroughFunctionalFieldsPassTheHolderFirst() {
    Lowered l =
        Lowered.java(
            """
        import java.util.function.Consumer;
        class Dev extends PCIDevice {
          private final Runnable teardown;
          private Consumer<MemoryRegion> unmapper;
          private MemoryRegion window;
          Dev() { teardown = () -> window.unparent(); }
          protected void realize() { this.unmapper = r -> r.unparent(); }
          protected void exit() {
            teardown.run();
            this.unmapper.accept(window);
          }
        }
        """);
    assertThat(l.statements("Dev.<init>")).containsExactly("this->teardown := Dev.<init>$lambda$1");
    assertThat(l.statements("Dev.realize"))
        .containsExactly("this->unmapper := Dev.realize$lambda$1");
    assertThat(l.statements("Dev.exit"))
        .containsExactly("this->teardown(this)", "this->unmapper(this, this->window)");
    Stmt.Call run = (Stmt.Call) l.function("Dev.exit").cfg().statements().get(0);
    assertThat(run.through())
        .isEqualTo(AccessPath.of(AccessPath.Root.PARAM, FunctionScope.THIS, "teardown"));
    // Lambdas are file-local: nothing outside the file names them.
    assertThat(l.function("Dev.<init>$lambda$1").fileLocal()).isTrue();
    assertThat(l.function("Dev.exit").fileLocal()).isFalse();
  }

  @Test
  void otherCallsOnFieldsStayMethodCalls() {
    Lowered l =
        Lowered.java(
            """
        import java.util.function.Consumer;
        class Dev extends PCIDevice {
          private MemoryRegion mmio;
          private MemoryRegionOps ops;
          private Consumer<MemoryRegion> unmapper;
          protected void exit() {
            mmio.unparent();
            ops.write(0, 1, 4);
            unmapper.andThen(null);
          }
        }
        """);
    assertThat(l.function("Dev.exit").cfg().calls()).allMatch(c -> c.through() == null);
  }

  @Test
  void methodReferencesAreHeldAsFunctionsTakingTheHolderFirst() {
    Lowered l =
        Lowered.java(
            """
        import java.util.function.BiConsumer;
        import java.util.function.Consumer;
        class Tools {
          static void drop(MemoryRegion container, MemoryRegion mr) { mr.unparent(); }
        }
        class Peer {
          void release(MemoryRegion mr) { mr.unref(); }
        }
        class Dev extends PCIDevice {
          private Peer peer;
          private Runnable own;
          private BiConsumer<MemoryRegion, MemoryRegion> dropper = Tools::drop;
          private BiConsumer<Peer, MemoryRegion> unbound;
          private Consumer<MemoryRegion> bound;
          protected void realize() {
            own = this::cleanup;
            unbound = Peer::release;
            bound = peer::release;
          }
          private void cleanup() {}
        }
        """);
    assertThat(l.statements("Dev.<init>")).containsExactly("this->dropper := Dev.<init>$ref$1");
    assertThat(l.statements("Dev.<init>$ref$1"))
        .containsExactly("Tools.drop(arg1, arg2)", "return Tools.drop(arg1, arg2)");
    assertThat(l.function("Dev.<init>$ref$1").params())
        .containsExactly(new Param("this", "Dev"), new Param("arg1", "?"), new Param("arg2", "?"));
    assertThat(l.statements("Dev.realize"))
        .containsExactly(
            "this->own := Dev.cleanup",
            "this->unbound := Dev.realize$ref$1",
            "this->bound := Dev.realize$ref$2");
    assertThat(l.calls("Dev.realize$ref$1")).containsExactly("Peer.release(arg1, arg2)");
    assertThat(l.calls("Dev.realize$ref$2")).containsExactly("Peer.release(this->peer, arg1)");
  }

  @Test
  void anonymousClassesAreHeldByTheMethodTheirInterfaceCalls() {
    Lowered l =
        Lowered.java(
            """
        class Dev extends SysBusDevice {
          @FunctionalInterface
          interface Mover {
            void move(MemoryRegion w, long addr);
            default void park(MemoryRegion w) {}
          }
          private Mover mover;
          protected void realize() {
            mover = new Mover() {
              @Override public void park(MemoryRegion w) {}
              @Override public void move(MemoryRegion w, long addr) { w.unparent(); }
            };
          }
          public void write(long addr, long value) { mover.move(null, value); }
        }
        """);
    assertThat(l.statements("Dev.realize"))
        .containsExactly(
            "this->mover = Mover.<init>(this->mover)", "this->mover := Dev.realize$anon$1.move");
    assertThat(l.statements("Dev.write")).containsExactly("this->mover(this, NULL, value)");
  }

  @Test
  void staticCodeStoresAnAdapterTakingTheHolder() {
    Lowered l =
        Lowered.java(
            """
        class Dev extends PCIDevice {
          private Runnable hook;
          static Dev make() {
            Dev d = new Dev();
            d.hook = () -> {};
            return d;
          }
        }
        """);
    assertThat(l.statements("Dev.make")).contains("d->hook := Dev.make$ref$2");
    Function adapter = l.function("Dev.make$ref$2");
    assertThat(adapter.params()).containsExactly(new Param("holder", "?"));
    assertThat(l.calls("Dev.make$ref$2")).containsExactly("Dev.make$lambda$1()");
  }

  @Test
  void untypedLambdaParametersAreTypedByTheTargetType(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("dev/x"));
    Files.writeString(
        root.resolve("dev/x/Region.java"),
        """
        package dev.x;
        public final class Region {
          public native void unparent();
          public native void drop();
        }
        """);
    Files.writeString(
        root.resolve("dev/x/Other.java"),
        """
        package dev.x;
        public final class Other {
          public void unparent() {}
        }
        """);
    String code =
        """
        package dev.x;
        import java.util.function.Consumer;
        public class Card {
          private Consumer<Region> unmapper;
          void realize() { unmapper = r -> r.unparent(); }
        }
        """;
    Files.writeString(root.resolve("dev/x/Card.java"), code);
    Lowered l = Lowered.with(new JavaFrontend(List.of(root)), code);
    assertThat(l.calls("Card.realize$lambda$1")).containsExactly("Region.unparent(r)");
  }
}
