package dev.mrcheck.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.ParseProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaBadInputTest {

  @Test
  void acceptsOnlyJavaFiles() {
    JavaFrontend f = new JavaFrontend();
    assertThat(f.accepts("a/B.java")).isTrue();
    assertThat(f.accepts("a/b.c")).isFalse();
  }

  @Test
  void aSyntaxErrorIsAProblemWithALocationAndTheRestIsStillLowered() {
    Lowered l = Lowered.java("""
        class Dev extends PCIDevice {
          MemoryRegion mmio;
          void broken() {
            mmio.ref(;
          }
          @Override protected void realize() {
            mmio.unparent();
          }
        }
        """);
    assertThat(l.unit.problems()).isNotEmpty();
    ParseProblem p = l.unit.problems().get(0);
    assertThat(p.loc().file()).isEqualTo("T.java");
    assertThat(p.loc().line()).isEqualTo(4);
    assertThat(l.calls("Dev.realize")).containsExactly("MemoryRegion.unparent(this->mmio)");
  }

  @Test
  void garbageGivesProblemsNotExceptions() {
    for (String text : List.of("", "}}}{{{", "class", "class X { void f() { if ( } }", "\u0000\u0001binary")) {
      Lowered l = Lowered.java(text);
      assertThat(l.unit.file()).isEqualTo("T.java");
    }
    assertThat(Lowered.java("class").unit.problems()).isNotEmpty();
  }

  @Test
  void unresolvableTypesFallBackOnNames() {
    Lowered l = Lowered.java("""
        import com.nowhere.Thing;
        class Dev extends com.nowhere.UnknownBase {
          Thing thing;
          void run(Widget w) {
            thing.poke(w);
            w.frob();
            unknownHelper(thing);
          }
        }
        """);
    assertThat(l.unit.problems()).isEmpty();
    assertThat(l.calls("Dev.run")).containsExactly(
        "Thing.poke(this->thing, w)", "Widget.frob(w)", "unknownHelper(this->thing)");
  }

  @Test
  void aHugeGeneratedMethodIsLoweredOrReportedButNeverThrows() {
    StringBuilder b = new StringBuilder("class Gen extends PCIDevice { MemoryRegion mr; void big(int x) {\n");
    for (int i = 0; i < 2_000; i++) {
      b.append("if (x == ").append(i).append(") { mr.ref(); } else { x = x + ").append(i).append("; }\n");
    }
    b.append("}\n long deep() { return 1");
    for (int i = 0; i < 500; i++) b.append(" + 1");
    b.append("; } }\n");
    Lowered l = Lowered.java(b.toString());
    assertThat(l.unit.functions().size() + l.unit.problems().size()).isPositive();
    l.unit.functions().stream().filter(f -> f.name().equals("Gen.big")).findFirst()
        .ifPresent(f -> assertThat(IrText.calls(f)).hasSize(2_000));
  }

  @Test
  void unreadableAndBrokenFilesInTheScanRootsAreSkipped(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("Broken.java"), "class Broken { void f( }");
    Files.writeString(root.resolve("Good.java"), "class Good { MemoryRegion m; MemoryRegion m() { return m; } }");
    Files.createDirectories(root.resolve("notes.java"));
    JavaFrontend fe = new JavaFrontend(List.of(root, root.resolve("missing")));
    Lowered l = Lowered.with(fe, "class Dev { void f(Good g) { g.m().ref(); } }");
    assertThat(l.calls("Dev.f")).containsExactly("MemoryRegion.ref(g->m)");
  }
}
