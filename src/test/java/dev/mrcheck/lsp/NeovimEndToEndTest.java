package dev.mrcheck.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor: {@code nvim --headless} with src/test/resources/lsp/init.lua runs {@code mrcheck
 * lsp} from the test classpath, and dumps {@code vim.diagnostic.get()} before and after inserting
 * the missing del. Skipped when nvim is not installed (.ci/run installs it).
 */
class NeovimEndToEndTest {
  @TempDir Path tmp;

  @Test
  void neovimShowsTheMr002DiagnosticAndClearsItAfterTheFix() throws Exception {
    assumeTrue(onPath("nvim"), "nvim is not on PATH");
    Path ws = tmp.resolve("ws");
    LspSession.copyWorkspace(ws);
    Path init = tmp.resolve("init.lua");
    try (InputStream in = getClass().getResourceAsStream("/lsp/init.lua")) {
      Files.write(init, in.readAllBytes());
    }
    Path out = tmp.resolve("diagnostics");
    ProcessBuilder pb =
        new ProcessBuilder("nvim", "--headless", "--clean", "-n", "-u", init.toString());
    pb.environment().put("MRCHECK_LSP_CP", System.getProperty("java.class.path"));
    pb.environment()
        .put("MRCHECK_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().put("MRCHECK_ROOT", ws.toString());
    pb.environment().put("MRCHECK_FILE", ws.resolve("ctrl.c").toString());
    pb.environment().put("MRCHECK_OUT", out.toString());
    pb.environment().put("MRCHECK_FIX_LINE", String.valueOf(LanguageServerTest.CTRL_UNPARENT));
    pb.environment().put("MRCHECK_FIX_TEXT", LanguageServerTest.CTRL_DEL.stripTrailing());
    pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve("nvim.out").toFile());
    pb.redirectInput(ProcessBuilder.Redirect.PIPE);
    Process nvim = pb.start();
    boolean done = nvim.waitFor(120, TimeUnit.SECONDS);
    if (!done) nvim.destroyForcibly();
    assertThat(done)
        .as("nvim finished; output: %s", Files.readString(tmp.resolve("nvim.out")))
        .isTrue();

    JsonArray all =
        JsonParser.parseString(Files.readString(Path.of(out + ".open.json"))).getAsJsonArray();
    JsonArray opened = new JsonArray();
    all.forEach(
        e -> {
          if ("MR002".equals(e.getAsJsonObject().get("code").getAsString())) opened.add(e);
        });
    assertThat(opened).hasSize(1);
    JsonObject d = opened.get(0).getAsJsonObject();
    assertThat(d.get("code").getAsString()).isEqualTo("MR002");
    assertThat(d.get("lnum").getAsInt()).isEqualTo(LanguageServerTest.CTRL_UNPARENT);
    assertThat(d.get("source").getAsString()).isEqualTo("mrcheck");
    assertThat(d.get("message").getAsString())
        .contains("object_unparent(s->window) while it may still be mapped");
    JsonArray fixed =
        JsonParser.parseString(Files.readString(Path.of(out + ".fixed.json"))).getAsJsonArray();
    assertThat(fixed).isEmpty();
  }

  private static boolean onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(File.pathSeparator))
      if (Files.isExecutable(Path.of(dir, exe))) return true;
    return false;
  }
}
