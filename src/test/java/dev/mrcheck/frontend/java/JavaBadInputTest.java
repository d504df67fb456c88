package dev.mrcheck.frontend.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.ParseProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JavaBadInputTest {

  @Test
  void acceptsOnlyJavaFiles() {
    JavaFrontend f = new JavaFrontend();
    assertThat(f.accepts("a/B.java")).isTrue();
    assertThat(f.accepts("a/b.c")).isFalse();
  }

  @Test
  void aSyntaxErrorIsAProblemWithALocationAndTheRestIsStillLowered() {
    Lowered l =
        Lowered.java(
            """
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
  void anEmptyFileIsAnEmptyUnitWithoutProblems() {
    Lowered l = Lowered.java("");
    assertThat(l.unit.file()).isEqualTo("T.java");
    assertThat(l.unit.problems()).isEmpty();
    assertThat(l.functionNames()).isEmpty();
  }

  static Stream<Arguments> garbage() {
    return Stream.of(
        Arguments.of("}}}{{{", "T.java:1:1", "Parse error"),
        Arguments.of("class", "T.java:1:1", "Parse error"),
        Arguments.of("class X { void f() { if ( } }", "T.java:1:25", "Parse error"),
        Arguments.of("\u0000\u0001binary", "T.java:1:1", "Lexical error"));
  }

  @ParameterizedTest
  @MethodSource("garbage")
  void garbageGivesAProblemAtItsLocationNotAnException(String text, String loc, String message) {
    Lowered l = Lowered.java(text);
    assertThat(l.unit.file()).isEqualTo("T.java");
    assertThat(l.unit.problems())
        .first()
        .satisfies(
            p -> {
              assertThat(p.loc().toString()).isEqualTo(loc);
              assertThat(p.message()).startsWith(message);
            });
  }

  @Test
  void unresolvableTypesFallBackOnNames() {
    Lowered l =
        Lowered.java(
            """
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
    assertThat(l.calls("Dev.run"))
        .containsExactly(
            "Thing.poke(this->thing, w)", "Widget.frob(w)", "unknownHelper(this->thing)");
  }

  @Test
  void aHugeGeneratedMethodIsLoweredWhole() {
    StringBuilder b =
        new StringBuilder("class Gen extends PCIDevice { MemoryRegion mr; void big(int x) {\n");
    for (int i = 0; i < 2_000; i++) {
      b.append("if (x == ")
          .append(i)
          .append(") { mr.ref(); } else { x = x + ")
          .append(i)
          .append("; }\n");
    }
    b.append("}\n long deep() { return 1");
    for (int i = 0; i < 500; i++) b.append(" + 1");
    b.append("; } }\n");
    Lowered l = Lowered.java(b.toString());
    assertThat(l.unit.problems()).isEmpty();
    assertThat(l.functionNames()).containsExactly("Gen.big", "Gen.deep");
    assertThat(l.calls("Gen.big")).hasSize(2_000);
  }

  @Test
  void unreadableAndBrokenFilesInTheScanRootsAreSkipped(@TempDir Path root) throws Exception {
    Files.writeString(root.resolve("Broken.java"), "class Broken { void f( }");
    Files.writeString(
        root.resolve("Good.java"), "class Good { MemoryRegion m; MemoryRegion m() { return m; } }");
    Files.createDirectories(root.resolve("notes.java"));
    JavaFrontend fe = new JavaFrontend(List.of(root, root.resolve("missing")));
    Lowered l = Lowered.with(fe, "class Dev { void f(Good g) { g.m().ref(); } }");
    assertThat(l.calls("Dev.f")).containsExactly("MemoryRegion.ref(g->m)");
  }
}
