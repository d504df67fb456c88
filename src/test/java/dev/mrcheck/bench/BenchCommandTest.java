package dev.mrcheck.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command's behaviour around the figures: exit codes, messages, clean-up. It asserts nothing
 * about speed.
 */
class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void generatesScansAndReportsOrExplainsWhyTheScanFailed(@TempDir Path dir) throws IOException {
    Path tree = dir.resolve("tree");
    int exit =
        run(
            "--language",
            "c",
            "--files",
            "20",
            "--lines",
            "10000",
            "--repeat",
            "1",
            "--jobs",
            "1",
            "--dir",
            tree.toString());

    assertThat(out.toString()).contains("20 files generated").contains("tree kept at " + tree);
    try (Stream<Path> files = Files.walk(tree)) {
      assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(20);
    }
    if (exit == 0) {
      assertThat(out.toString()).contains("median", "files/s", "lines/s", "peak", "findings");
    } else {
      assertThat(exit).isEqualTo(2);
      assertThat(err.toString())
          .startsWith("mrcheck bench: the scanner failed")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void deletesItsTemporaryTree() {
    run("--language", "c", "--files", "8", "--lines", "4000", "--repeat", "1", "--jobs", "1");

    Matcher dir =
        Pattern.compile("tree dir   (\\S+) \\(deleted afterwards\\)").matcher(out.toString());
    assertThat(dir.find()).as(out.toString()).isTrue();
    assertThat(Path.of(dir.group(1))).doesNotExist();
  }

  @Test
  void refusesANonEmptyDirectoryAndLeavesItAlone(@TempDir Path dir) throws IOException {
    Path mine = Files.writeString(dir.resolve("mine.c"), "int x;\n");

    assertThat(run("--files", "8", "--lines", "4000", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not empty");
    assertThat(Files.readString(mine)).isEqualTo("int x;\n");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.count()).isEqualTo(1);
    }
  }

  @Test
  void badNumbersAreUsageErrors() {
    assertThat(run("--files", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("--files must be at least 4");
    assertThat(run("--repeat", "0")).isEqualTo(2);
    assertThat(run("--semantics", "newest")).isEqualTo(2);
    assertThat(err.toString()).contains("expected legacy, current or refcount");
    assertThat(run("--language", "rust")).isEqualTo(2);
    assertThat(err.toString()).contains("expected c, java or both");
    assertThat(run("--language", "java", "--java-classes", "5")).isEqualTo(2);
    assertThat(err.toString()).contains("--java-classes must be at least");
  }

  @Test
  void scansATinyJavaTreeAndReportsItsFigures(@TempDir Path dir) throws IOException {
    Path tree = dir.resolve("tree");
    int exit =
        run(
            "--language",
            "java",
            "--java-classes",
            "30",
            "--repeat",
            "1",
            "--jobs",
            "1",
            "--dir",
            tree.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains(
            "30 Java files generated",
            "API stubs",
            "lines",
            "planted MR001-MR003 bugs",
            "cold ",
            "run 1",
            "median",
            "files/s",
            "lines/s",
            "peak",
            "findings")
        .doesNotContain("== C tree ==");
    try (Stream<Path> files = Files.walk(tree)) {
      assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isEqualTo(30);
    }
  }

  @Test
  void bothLanguagesAreReportedSeparatelyInTheirOwnDirectories(@TempDir Path dir) {
    Path tree = dir.resolve("tree");
    int exit =
        run(
            "--files",
            "8",
            "--lines",
            "4000",
            "--java-classes",
            "20",
            "--repeat",
            "1",
            "--jobs",
            "1",
            "--dir",
            tree.toString());

    assertThat(exit).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text)
        .contains(
            "== C tree ==", "== Java tree ==", "8 files generated", "20 Java files generated");
    assertThat(text.indexOf("== Java tree ==")).isGreaterThan(text.indexOf("== C tree =="));
    assertThat(text.lines().filter(l -> l.startsWith("median ")).count()).isEqualTo(2);
    assertThat(tree.resolve("c/hw")).isDirectory();
    assertThat(tree.resolve("java/api/MemoryRegion.java")).isRegularFile();
  }

  @Test
  void timesAGivenTreeWithTheColdRunPhasesAndPeakResidentSet() {
    int exit = run("--tree", "testdata/c", "--repeat", "1", "--jobs", "1");

    assertThat(exit).as(err.toString()).isZero();
    String text = out.toString();
    assertThat(text)
        .contains("tree dir   testdata/c (given, only read)")
        .doesNotContain("generated");
    assertThat(text)
        .containsPattern("(?m)^cold       wall [\\d.]+ s, cpu .*peak rss so far ")
        .containsPattern("(?m)^run 1      wall ")
        .containsPattern(
            "(?m)^           phases discovery [\\d.]+ s, read\\+index [\\d.]+ s, parse [\\d.]+ s,"
                + " program [\\d.]+ s, analysis [\\d.]+ s, rules [\\d.]+ s, confirm [\\d.]+ s,"
                + " parse rounds \\[[\\d, ]*\\], [\\d,]+ functions analyzed, [\\d,]+ replays run")
        .containsPattern("(?m)^cold run   wall [\\d.]+ s, the first scan in this JVM")
        .containsPattern("(?m)^median     wall [\\d.]+ s of 1 warm runs")
        .containsPattern("(?m)^rss        peak ([\\d.]+ [MG]B resident|n/a)")
        .contains("parsed lines/s");
    assertThat(Path.of("testdata/c")).isDirectory();
  }

  @Test
  void aTreeThatIsNotADirectoryIsAUsageError(@TempDir Path dir) {
    assertThat(run("--tree", dir.resolve("absent").toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("--tree")
        .contains("is not a directory")
        .doesNotContain("\tat ");
  }
}
