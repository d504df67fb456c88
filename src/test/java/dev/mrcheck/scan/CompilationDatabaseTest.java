package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.frontend.FrontendOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompilationDatabaseTest {
  @TempDir Path dir;

  private CompilationDatabase load(String json) throws Exception {
    return CompilationDatabase.load(Files.writeString(dir.resolve("compile_commands.json"), json));
  }

  @Test
  void preprocessorFlagsJoinedOrSeparateWithPathsFromTheDirectory() throws Exception {
    Files.writeString(dir.resolve("forced.h"), "");
    CompilationDatabase db =
        load(
            """
        [{"directory": "build", "file": "../hw/a.c",
          "arguments": ["cc", "-Iinc", "-I", "/abs", "-isystem", "sys", "-iquote", "q", "-iquoteq2",
                        "-DA", "-D", "B=2", "-DC=", "-DD=1", "-UD", "-include", "../forced.h", "-Wall",
                        "-o", "a.o", "-c", "../hw/a.c"]}]
        """);
    Path build = dir.resolve("build");
    FrontendOptions o = db.units().get(dir.resolve("hw/a.c"));
    assertThat(o.includeDirs())
        .containsExactly(build.resolve("inc"), Path.of("/abs"), build.resolve("sys"));
    assertThat(o.quoteDirs()).containsExactly(build.resolve("q"), build.resolve("q2"));
    assertThat(o.defines()).isEqualTo(Map.of("A", "1", "B", "2", "C", ""));
    assertThat(o.forcedIncludes()).containsExactly(dir.resolve("forced.h"));
  }

  @Test
  void theFirstEntryOfAFileCompiledTwiceWins() throws Exception {
    CompilationDatabase db =
        load(
            """
        [{"directory": "/b", "file": "/s/a.c", "command": "cc -DFIRST -c /s/a.c"},
         {"directory": "/b", "file": "/s/a.c", "command": "cc -DSECOND -c /s/a.c"}]
        """);
    assertThat(db.units().get(Path.of("/s/a.c")).defines()).containsOnlyKeys("FIRST");
  }

  @Test
  void defectsNameTheFileAndTheEntry() throws Exception {
    assertThatThrownBy(() -> CompilationDatabase.load(dir.resolve("nope.json")))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("compilation database not found");
    assertThatThrownBy(() -> load("[{\"directory\": "))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> load("{}")).hasMessageContaining("expected a JSON array");
    assertThatThrownBy(
            () ->
                load(
                    "[{\"directory\": \"/b\", \"file\": \"a.c\", \"command\": \"cc -c a.c\"}, {\"file\": \"b.c\"}]"))
        .hasMessageContaining("entry 2: no \"directory\" string");
    assertThatThrownBy(() -> load("[{\"directory\": \"/b\", \"file\": \"a.c\"}]"))
        .hasMessageContaining("entry 1: neither \"arguments\" nor \"command\"");
    assertThatThrownBy(
            () -> load("[{\"directory\": \"/b\", \"file\": \"a.c\", \"command\": \"cc '-DX\"}]"))
        .hasMessageContaining("entry 1: unterminated ' quote");
    assertThatThrownBy(
            () -> load("[{\"directory\": \"/b\", \"file\": \"a.c\", \"arguments\": [\"cc\", 1]}]"))
        .hasMessageContaining("non-string");
  }

  @Test
  void anEmptyDatabaseIsValid() throws Exception {
    assertThat(load("[]").units()).isEmpty();
    assertThat(List.of()).isEmpty();
  }
}
