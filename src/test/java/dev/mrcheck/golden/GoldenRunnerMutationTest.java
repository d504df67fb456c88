package dev.mrcheck.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.model.Semantics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden runner fails when a case is broken: each test copies a real case to a temporary
 * directory, breaks the copy in one way (a marker dropped, added, misspelled, naming no rule, an OK
 * case's function made unparsable) and asserts the runner rejects it. The unbroken copy passes, so
 * it is the edit that fails it.
 */
class GoldenRunnerMutationTest {
  private static final String POSITIVE = "mr002_unparent_no_del_pci_exit.c";
  private static final String NEGATIVE = "ok_del_on_every_path_before_unparent.c";

  /**
   * Both deletes of the window in its exit (one per branch), which make the unparent legitimate.
   */
  private static final String DELS_IN_EXIT =
      "        memory_region_del_subregion(pci_address_space_io(pdev),\n"
          + "                                    &s->compat_io);\n";

  @TempDir Path dir;

  /**
   * Copies {@code file} of testdata/c into the temporary directory with {@code from} replaced by
   * {@code to}.
   */
  private Path mutate(String file, String from, String to) throws IOException {
    String text = Files.readString(GoldenTest.ROOT.resolve(file), StandardCharsets.UTF_8);
    assertThat(text).as("the text this mutation edits, in " + file).contains(from);
    Files.writeString(dir.resolve(file), text.replace(from, to), StandardCharsets.UTF_8);
    return dir;
  }

  private static String mismatch(Path root) {
    GoldenDiff diff;
    try {
      diff = GoldenRunner.diff(root, Semantics.CURRENT);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThatThrownBy(() -> GoldenRunner.assertMatches(root, Semantics.CURRENT))
        .isInstanceOf(AssertionError.class);
    return diff.describe();
  }

  @Test
  void unbrokenCopiesPass() throws Exception {
    mutate(POSITIVE, "", "");
    mutate(NEGATIVE, "", "");
    assertThat(GoldenRunner.diff(dir, Semantics.CURRENT).isEmpty()).isTrue();
  }

  @Test
  void droppedBugMarkerLeavesAnUnexpectedFinding() throws Exception {
    assertThat(mismatch(mutate(POSITIVE, "    // BUG: MR002\n", "")))
        .contains("unexpected findings (1):", POSITIVE + ":45: [MR002]");
  }

  @Test
  void bogusBugMarkerIsAMissingFinding() throws Exception {
    assertThat(
            mismatch(
                mutate(
                    POSITIVE, "    pci_register_bar(", "    // BUG: MR003\n    pci_register_bar(")))
        .contains("missing findings (1):", "[MR003]");
  }

  @Test
  void secondMarkerForAFindingReportedOnceIsMissing() throws Exception {
    assertThat(mismatch(mutate(POSITIVE, "    // BUG: MR002\n", "    // BUG: MR002 x2\n")))
        .contains("missing findings (1):", "[MR002] x2");
  }

  @Test
  void misspelledMarkerIsAnErrorAtItsLine() throws Exception {
    mutate(POSITIVE, "    // BUG: MR002\n", "    // BUGS: MR002\n");
    assertThatThrownBy(() -> GoldenRunner.diff(dir, Semantics.CURRENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(POSITIVE + ":45: looks like an expectation marker");
  }

  @Test
  void markerMovedIntoTheFlaggedLineIsAnError() throws Exception {
    mutate(
        POSITIVE,
        "    // BUG: MR002\n    object_unparent(OBJECT(&s->vga_low));",
        "    object_unparent(OBJECT(&s->vga_low)); // BUG: MR002");
    assertThatThrownBy(() -> GoldenRunner.diff(dir, Semantics.CURRENT))
        .hasMessageStartingWith(POSITIVE + ":45: looks like an expectation marker");
  }

  @Test
  void okMarkerNamingNoRuleIsAnError() throws Exception {
    mutate(NEGATIVE, "// OK: MR002 ", "// OK: MR099 ");
    assertThatThrownBy(() -> GoldenRunner.diff(dir, Semantics.CURRENT))
        .hasMessageStartingWith(NEGATIVE + ":1: no rule MR099");
  }

  @Test
  void okCaseWithoutWhatMakesItLegitimateIsFlagged() throws Exception {
    assertThat(mismatch(mutate(NEGATIVE, DELS_IN_EXIT, "")))
        .contains("unexpected findings", "[MR002]");
  }

  /** The function is dropped with its finding: only the input problem tells the case is broken. */
  @Test
  void okCaseWhoseFunctionNoLongerParsesFails() throws Exception {
    mutate(NEGATIVE, DELS_IN_EXIT, "");
    String text =
        Files.readString(dir.resolve(NEGATIVE))
            .replace(
                "    if (s->mode == EVERYPATH_MODE_LEGACY) {",
                "    if (s->mode == EVERYPATH_MODE_LEGACY) { )");
    Files.writeString(dir.resolve(NEGATIVE), text);

    assertThat(mismatch(dir))
        .contains("input problems no // PROBLEM: line declares", NEGATIVE + ":");
  }

  /**
   * The same for Java: a facade case whose method no longer parses, scanned with the binding stubs.
   */
  @Test
  void javaCaseWhoseMethodNoLongerParsesFails() throws Exception {
    Path java = JavaGoldenTest.ROOT;
    Files.createDirectories(dir.resolve("api"));
    Files.createDirectories(dir.resolve("facade"));
    try (var stubs = Files.list(java.resolve("api"))) {
      for (Path stub : stubs.toList())
        Files.copy(stub, dir.resolve("api").resolve(stub.getFileName()));
    }
    String text = Files.readString(java.resolve("facade/InitCreatesOnly.java"));
    Files.writeString(dir.resolve("facade/InitCreatesOnly.java"), text);
    assertThat(GoldenRunner.diff(dir, Semantics.CURRENT).isEmpty())
        .as("the unbroken copy")
        .isTrue();

    String broken = "    for (MemoryRegion bank : banks) {";
    assertThat(text).contains(broken);
    Files.writeString(
        dir.resolve("facade/InitCreatesOnly.java"), text.replace(broken, broken + " )"));
    assertThat(mismatch(dir))
        .contains("input problems no // PROBLEM: line declares", "facade/InitCreatesOnly.java:");
  }
}
