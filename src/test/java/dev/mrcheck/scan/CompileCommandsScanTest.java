package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build's compile_commands.json decides which files are analyzed and how their macros expand: the
 * bug in win.c (MR002, the one rule these tests run) exists only when WIN_EAGER_TEARDOWN is
 * defined, which only the build says.
 */
class CompileCommandsScanTest {
  /** The device's exit unparents its still-mapped region only when the build asks for it. */
  private static final String DEVICE =
      PciDeviceSource.of(
          "win",
          """
      #ifdef WIN_EAGER_TEARDOWN
          object_unparent(OBJECT(&s->win));
      #endif""");

  @TempDir Path tmp;
  private Path src;
  private Path build;

  @BeforeEach
  void tree() throws IOException {
    src = Files.createDirectories(tmp.resolve("src"));
    build = Files.createDirectories(tmp.resolve("out"));
    Files.createDirectories(src.resolve("hw/win"));
    Files.writeString(src.resolve("hw/win/win.c"), DEVICE);
  }

  private ScanResult scan(Path compileCommands) throws ScanException {
    ScanRequest request =
        new ScanRequest(
            List.of(src), Semantics.CURRENT, Set.of("MR002"), List.of(), FrontendOptions.NONE, 2);
    return new Scanner()
        .scan(
            compileCommands == null
                ? request
                : request.withCompilationDatabase(CompilationDatabase.load(compileCommands)));
  }

  private Path database(String entries) throws IOException {
    return Files.writeString(build.resolve("compile_commands.json"), "[\n" + entries + "\n]\n");
  }

  /**
   * One entry as meson writes it: a shell-quoted command run in the build directory, a relative
   * file.
   */
  private String entry(String file, String flags) {
    String command =
        "cc -Ihw/win -I../src/include " + flags + " -MD -MQ x.o -MF x.o.d -o x.o -c ../src/" + file;
    return "{\"directory\": \""
        + build
        + "\", \"command\": \""
        + command.replace("\"", "\\\"")
        + "\", \"file\": \"../src/"
        + file
        + "\"}";
  }

  private static List<String> findings(ScanResult r) {
    return r.findings().stream()
        .map(f -> f.ruleId() + "@" + f.loc().file() + ":" + f.loc().line())
        .toList();
  }

  @Test
  void aMacroDefinedOnlyByTheBuildDecidesTheFinding() throws Exception {
    // Without a build, the second parse takes the branch the macro guards.
    assertThat(findings(scan(null))).containsExactly("MR002@hw/win/win.c:13");
    // With one, the build's macros are the configuration: a branch it leaves out is off.
    assertThat(findings(scan(database(entry("hw/win/win.c", ""))))).isEmpty();
    assertThat(findings(scan(database(entry("hw/win/win.c", "-DWIN_EAGER_TEARDOWN")))))
        .containsExactly("MR002@hw/win/win.c:13");
    // Undefined again later on the same command line, as GCC reads it.
    assertThat(
            findings(
                scan(database(entry("hw/win/win.c", "-DWIN_EAGER_TEARDOWN -UWIN_EAGER_TEARDOWN")))))
        .isEmpty();
  }

  @Test
  void aForcedIncludeFromTheBuildDirectoryDefinesIt() throws Exception {
    Files.writeString(build.resolve("config-win.h"), "#define WIN_EAGER_TEARDOWN 1\n");
    String args =
        "{\"directory\": \""
            + build
            + "\", \"file\": \""
            + src.resolve("hw/win/win.c")
            + "\", "
            + "\"arguments\": [\"cc\", \"-include\", \"config-win.h\", \"-c\", \""
            + src.resolve("hw/win/win.c")
            + "\"]}";
    assertThat(findings(scan(database(args)))).containsExactly("MR002@hw/win/win.c:13");
  }

  @Test
  void quotedIncludesAreFoundThroughIquoteAndTheUnitsOwnDirectory() throws Exception {
    Files.createDirectories(src.resolve("include/win"));
    Files.writeString(src.resolve("include/win/config.h"), "#include \"teardown.h\"\n");
    Files.writeString(src.resolve("include/win/teardown.h"), "#define WIN_EAGER_TEARDOWN\n");
    Files.writeString(src.resolve("hw/win/win.c"), "#include \"win/config.h\"\n" + DEVICE);
    String flags = "-iquote '" + src.resolve("include") + "'";
    assertThat(findings(scan(database(entry("hw/win/win.c", flags)))))
        .containsExactly("MR002@hw/win/win.c:14");
  }

  @Test
  void onlyListedFilesAndTheHeadersTheyReachAreAnalyzed() throws Exception {
    Files.writeString(
        src.resolve("hw/win/teardown.h"),
        """
        static inline void win_teardown(WinState *s)
        {
            object_unparent(OBJECT(&s->win));
        }
        """);
    Files.writeString(
        src.resolve("hw/win/win.c"),
        "#include \"teardown.h\"\n" + PciDeviceSource.of("win", "    win_teardown(s);"));
    Files.writeString(src.resolve("hw/win/unreached.h"), "static inline void nothing(void) { }\n");
    Files.writeString(src.resolve("hw/other.c"), PciDeviceSource.of("oth", PciDeviceSource.BUGGY));
    assertThat(findings(scan(null)))
        .containsExactlyInAnyOrder("MR002@hw/other.c:12", "MR002@hw/win/teardown.h:3");

    ScanResult r = scan(database(entry("hw/win/win.c", "")));

    assertThat(findings(r)).containsExactly("MR002@hw/win/teardown.h:3");
    assertThat(r.stats().filesFound()).isEqualTo(2); // win.c and teardown.h
  }

  @Test
  void aListedFileMissingOnDiskIsAProblemAndTheRestIsAnalyzed() throws Exception {
    ScanResult r =
        scan(
            database(
                entry("hw/gone.c", "") + ",\n" + entry("hw/win/win.c", "-DWIN_EAGER_TEARDOWN")));
    assertThat(findings(r)).containsExactly("MR002@hw/win/win.c:13");
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ": " + p.message())
        .containsExactly("hw/gone.c: listed in compile_commands.json but not found, not analyzed");
  }

  @Test
  void entriesOutsideTheScannedPathsAreIgnored() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    String outside =
        "{\"directory\": \""
            + elsewhere
            + "\", \"command\": \"cc -c gone.c\", \"file\": \"gone.c\"}";
    ScanResult r = scan(database(outside + ",\n" + entry("hw/win/win.c", "-DWIN_EAGER_TEARDOWN")));
    assertThat(r.problems()).isEmpty();
    assertThat(findings(r)).hasSize(1);
  }
}
