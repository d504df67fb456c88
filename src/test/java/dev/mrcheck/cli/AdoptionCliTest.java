package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions and baselines end to end, with the real scanner on a copy of a testdata device. */
class AdoptionCliTest {
  private static final String DEVICE = "mr002_del_on_one_branch_only.c";
  private static final String UNPARENT = "    object_unparent(OBJECT(&s->legacy_io));";

  private record Run(int exit, String out, String err) {}

  @TempDir Path tmp;
  Path tree;
  Path device;

  @BeforeEach
  void copyDevice() throws IOException {
    tree = Files.createDirectories(tmp.resolve("tree"));
    device = tree.resolve(DEVICE);
    Files.copy(Path.of("testdata/c", DEVICE), device);
  }

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            CliContext.production(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private void edit(String anchor, String replacement) throws IOException {
    String text = Files.readString(device);
    assertThat(text).contains(anchor);
    Files.writeString(device, text.replace(anchor, replacement));
  }

  @Test
  void baselineSurvivesLinesInsertedAboveAndInsideTheFunction() throws IOException {
    Path baseline = tmp.resolve("baseline.json");
    Run first =
        run("scan", "--no-config", "--write-baseline", baseline.toString(), tree.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).contains("[MR002]").contains("[MR005]");
    assertThat(Files.readString(baseline))
        .contains("\"fingerprints\" : \"mrcheck/v3\"")
        .contains("\"rule\" : \"MR002\"");

    edit(
        "#include \"qemu/osdep.h\"",
        "/*\n * Copyright notice\n * added later\n */\n#include \"qemu/osdep.h\"");
    edit(
        "    if (s->io_claimed) {",
        "    trace_isawin_exit(s);\n    s->mixer[0] = 0;\n\n    if (s->io_claimed) {");

    Run again = run("scan", "--no-config", "--baseline", baseline.toString(), tree.toString());
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).isEmpty();
    assertThat(again.err())
        .contains("0 findings")
        .contains("baseline: 0 new, 2 unchanged, 0 absent");

    Run sarif =
        run(
            "scan",
            "--no-config",
            "--baseline",
            baseline.toString(),
            "--format",
            "sarif",
            tree.toString());
    JsonNode results = new ObjectMapper().readTree(sarif.out()).at("/runs/0/results");
    assertThat(results.findValuesAsText("baselineState")).containsExactly("unchanged", "unchanged");
    assertThat(results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt())
        .as("the unchanged result is reported where it is now")
        .isEqualTo(65 + 4 + 3);
  }

  @Test
  void aFindingNotInTheBaselineIsNewAndFailsTheRun() throws IOException {
    Path baseline = tmp.resolve("baseline.json");
    assertThat(
            run(
                    "scan",
                    "--no-config",
                    "--rules",
                    "MR005",
                    "--write-baseline",
                    baseline.toString(),
                    tree.toString())
                .exit())
        .isZero();
    Run r = run("scan", "--no-config", "--baseline", baseline.toString(), tree.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out()).contains("[MR002]").doesNotContain("[MR005]");
    assertThat(r.err()).contains("baseline: 1 new, 1 unchanged, 0 absent");
  }

  @Test
  void inlineSuppressionHidesTheFindingAndSarifKeepsItWithItsJustification() throws IOException {
    edit(
        UNPARENT,
        "    /* mrcheck: ignore MR002 -- exit runs only after io_claimed was set */\n" + UNPARENT);
    Run text = run("scan", "--no-config", "--rules", "MR002", tree.toString());
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).doesNotContain("[MR002]");
    assertThat(text.err()).contains("0 findings, 1 suppressed");

    Run sarif =
        run("scan", "--no-config", "--rules", "MR002", "--format", "sarif", tree.toString());
    JsonNode result = new ObjectMapper().readTree(sarif.out()).at("/runs/0/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("MR002");
    assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    assertThat(result.at("/suppressions/0/justification").asText())
        .isEqualTo("exit runs only after io_claimed was set");
  }

  @Test
  void suppressionWithoutReasonIsANoteAndUnusedOnesAreReportedOnRequest() throws IOException {
    edit(UNPARENT, UNPARENT + " // mrcheck: ignore MR002");
    edit(
        "static void isawin_exit",
        "// mrcheck: ignore MR002 -- nothing here any more\nstatic void isawin_exit");
    Run r =
        run(
            "scan",
            "--no-config",
            "--rules",
            "MR002,MRS01,MRS02",
            "--report-unused-suppressions",
            tree.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .doesNotContain("[MR002]")
        .contains("note: suppression of MR002 gives no reason")
        .contains("[MRS01]")
        .contains("note: unused suppression: no MR002 finding")
        .contains("[MRS02]");
  }
}
