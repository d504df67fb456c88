package dev.mrcheck.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.model.Semantics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deeply nested code, unterminated comments and conditionals: the file's other functions are still
 * analyzed, and whatever could not be is an input problem naming the file, line and function.
 */
class DeepInputTest {
  @TempDir Path tree;

  private ScanResult scan() throws ScanException {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(tree), Semantics.CURRENT, Set.of(), List.of(), FrontendOptions.NONE, 2));
  }

  /** 500 nested parentheses, 1,000 nested ifs and a 5,000-term sum, as C or Java method bodies. */
  private static String deepShapes(String type) {
    StringBuilder b = new StringBuilder();
    b.append(type)
        .append(" deep_parens(")
        .append(type)
        .append(" x)\n{\n    return ")
        .append("(".repeat(500))
        .append('x')
        .append(")".repeat(500))
        .append(";\n}\n");
    b.append(type).append(" deep_ifs(").append(type).append(" x)\n{\n");
    for (int i = 0; i < 1_000; i++) b.append("if (x > ").append(i).append(") {\n");
    b.append("x++;\n").append("}\n".repeat(1_000)).append("return x;\n}\n");
    b.append(type)
        .append(" plus_chain(")
        .append(type)
        .append(" x)\n{\n    return x")
        .append(" + x".repeat(5_000))
        .append(";\n}\n");
    return b.toString();
  }

  private static String hugeParens(String type) {
    return type
        + " huge_parens("
        + type
        + " x)\n{\n    return "
        + "(".repeat(100_000)
        + "x"
        + ")".repeat(100_000)
        + ";\n}\n";
  }

  private static int lineOf(String text, String needle) {
    return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void deepCFunctionsAreAnalyzedOrDroppedAloneAndTheDeviceBugIsStillFound() throws Exception {
    String dev =
        PciDeviceSource.of("win", PciDeviceSource.BUGGY)
            + deepShapes("static int")
            + hugeParens("static int");
    Files.writeString(tree.resolve("dev.c"), dev);

    ScanResult r = scan();

    assertThat(r.findings())
        .extracting(f -> f.ruleId() + "@" + f.loc().file() + ":" + f.loc().line())
        .contains("MR002@dev.c:12");
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ":" + p.loc().line() + ": " + p.message())
        .containsExactly(
            "dev.c:"
                + lineOf(dev, "huge_parens")
                + ": function huge_parens could not be parsed"
                + " and is not analyzed: brackets nest 100001 levels deep in its body (the limit is 2000)");
    assertThat(r.stats().droppedFunctions()).isEqualTo(1);
    assertThat(r.stats().functions())
        .isEqualTo(6); // realize, exit, class_init and the three deep ones
  }

  @Test
  void deepJavaMethodsAreAnalyzedOrDroppedAloneAndTheDeviceBugIsStillFound() throws Exception {
    copyApi();
    String device = Files.readString(Path.of("testdata/java/facade/HotplugUnparentMapped.java"));
    int end = device.lastIndexOf('}');
    String dev = device.substring(0, end) + deepShapes("long") + hugeParens("long") + "}\n";
    Files.createDirectories(tree.resolve("facade"));
    Files.writeString(tree.resolve("facade/HotplugUnparentMapped.java"), dev);

    ScanResult r = scan();

    assertThat(r.findings())
        .extracting(f -> f.ruleId() + "@" + f.loc().file() + ":" + f.loc().line())
        .contains("MR002@facade/HotplugUnparentMapped.java:" + lineOf(dev, "window.unparent()"));
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ":" + p.loc().line() + ": " + p.message())
        .containsExactly(
            "facade/HotplugUnparentMapped.java:"
                + lineOf(dev, "huge_parens")
                + ": function huge_parens could not be parsed and is not analyzed: brackets nest 100001 levels deep"
                + " in its body (the limit is 2000)");
    assertThat(r.stats().droppedFunctions()).isEqualTo(1);
  }

  /**
   * Deep without deep brackets: 12,500 {@code else if}s (a level each) make a syntax tree too deep
   * to lower.
   */
  private static String elseIfChain(String type) {
    StringBuilder b =
        new StringBuilder(type)
            .append(" else_ifs(")
            .append(type)
            .append(" x)\n{\n    if (x == 0) { x = 1; }\n");
    for (int i = 1; i < 12_500; i++)
      b.append("    else if (x == ").append(i).append(") { x = ").append(i + 1).append("; }\n");
    return b.append("    return x;\n}\n").toString();
  }

  @Test
  void aLongElseIfChainIsDroppedAloneInCAndJava() throws Exception {
    String c = PciDeviceSource.of("win", PciDeviceSource.BUGGY) + elseIfChain("static int");
    Files.writeString(tree.resolve("dev.c"), c);
    copyApi();
    String device = Files.readString(Path.of("testdata/java/facade/HotplugUnparentMapped.java"));
    String java = device.substring(0, device.lastIndexOf('}')) + elseIfChain("long") + "}\n";
    Files.writeString(tree.resolve("HotplugUnparentMapped.java"), java);

    ScanResult r = scan();

    assertThat(r.findings())
        .extracting(f -> f.ruleId() + "@" + f.loc().file())
        .contains("MR002@dev.c", "MR002@HotplugUnparentMapped.java");
    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ":" + p.loc().line() + ": " + p.message())
        .containsExactlyInAnyOrder(
            "dev.c:"
                + lineOf(c, "else_ifs")
                + ": function else_ifs could not be parsed and is not analyzed:"
                + " its statements and expressions nest more than 12000 levels deep",
            "HotplugUnparentMapped.java:"
                + lineOf(java, "long else_ifs")
                + ": function"
                + " HotplugUnparentMapped.else_ifs could not be parsed and is not analyzed:"
                + " its statements and expressions nest more than 12000 levels deep");
    assertThat(r.stats().droppedFunctions()).isEqualTo(2);
  }

  @Test
  void anUnterminatedCommentIsReportedWhereItOpens() throws Exception {
    String c =
        PciDeviceSource.of("win", PciDeviceSource.BUGGY) + "/* a comment\n that never ends\n";
    Files.writeString(tree.resolve("dev.c"), c);
    copyApi();
    String device = Files.readString(Path.of("testdata/java/facade/HotplugUnparentMapped.java"));
    String java =
        device.replace(
            "  @Override\n  protected void exit()",
            "  /** left open\n  @Override\n  protected void exit()");
    Files.writeString(tree.resolve("HotplugUnparentMapped.java"), java);

    ScanResult r = scan();

    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ":" + p.loc().line() + ": " + p.message())
        .contains(
            "dev.c:"
                + lineOf(c, "/* a comment")
                + ": unterminated comment: this /* is never closed,"
                + " so the rest of the file is a comment")
        .contains(
            "HotplugUnparentMapped.java:"
                + lineOf(java, "/** left open")
                + ": unterminated comment: this /* is never closed, so the rest of the file is a comment");
  }

  @Test
  void anIfWithoutEndifIsReported() throws Exception {
    String c =
        PciDeviceSource.of("win", PciDeviceSource.BUGGY)
            .replace("static void win_exit", "#ifdef CONFIG_WIN_EXIT\nstatic void win_exit");
    Files.writeString(tree.resolve("dev.c"), c);

    ScanResult r = scan();

    assertThat(r.problems())
        .extracting(p -> p.loc().file() + ":" + p.loc().line() + ": " + p.message())
        .containsExactly(
            "dev.c:"
                + lineOf(c, "#ifdef")
                + ": unterminated conditional: this #if has no #endif,"
                + " so the rest of the file may be skipped");
  }

  private void copyApi() throws IOException {
    Path api = tree.resolve("api");
    Files.createDirectories(api);
    try (Stream<Path> s = Files.list(Path.of("testdata/java/api"))) {
      for (Path p : s.toList()) Files.copy(p, api.resolve(p.getFileName()));
    }
  }
}
