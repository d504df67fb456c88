package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mrcheck.ToolInfo;
import dev.mrcheck.baseline.Baseline;
import dev.mrcheck.baseline.BaselineComparison;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Fingerprint;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.suppress.Suppressed;
import dev.mrcheck.suppress.Suppression;
import dev.mrcheck.suppress.SuppressionComments;
import dev.mrcheck.suppress.Suppressions;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path ROOT = Path.of("/src/qemu");

  @Test
  void sampleReportIsValidSarif() throws IOException {
    assertThat(schemaErrors(render(Fixtures.sample(ROOT)))).isEmpty();
  }

  @Test
  void emptyReportIsValidSarif() throws IOException {
    JsonNode sarif = MAPPER.readTree(render(Fixtures.empty(ROOT)));
    assertThat(schemaErrors(sarif.toString())).isEmpty();
    assertThat(sarif.at("/runs/0/results").isArray())
        .as("results: [] says the scan ran and found nothing")
        .isTrue();
    assertThat(sarif.at("/runs/0/results").size()).isZero();
    assertThat(sarif.at("/runs/0/invocations/0/toolExecutionNotifications").isMissingNode())
        .isTrue();
  }

  @Test
  void theValidatorDoesRejectBrokenSarif() throws IOException {
    ObjectNode sarif = (ObjectNode) MAPPER.readTree(render(Fixtures.sample(ROOT)));
    ((ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
    ((ObjectNode) sarif.at("/runs/0/results/0/locations/0/physicalLocation/region"))
        .put("startLine", 0);
    assertThat(schemaErrors(sarif.toString())).hasSize(2);
  }

  @Test
  void sameResultGivesTheSameBytes() throws IOException {
    assertThat(render(Fixtures.sample(ROOT))).isEqualTo(render(Fixtures.sample(ROOT)));
  }

  @Test
  void toolDriverDescribesMrcheckAndItsRulesSortedById() throws IOException {
    JsonNode driver = MAPPER.readTree(render(Fixtures.sample(ROOT))).at("/runs/0/tool/driver");
    assertThat(driver.get("name").asText()).isEqualTo("mrcheck");
    assertThat(driver.get("version").asText()).isEqualTo(ToolInfo.version());
    assertThat(driver.get("semanticVersion").asText()).isEqualTo(ToolInfo.version());
    assertThat(driver.get("informationUri").asText()).isEqualTo(ToolInfo.INFORMATION_URI);
    assertThat(driver.get("rules").findValuesAsText("id"))
        .containsExactly("TST001", "TST002", "TST003");

    JsonNode withPage = driver.at("/rules/0");
    assertThat(withPage.get("name").asText()).isEqualTo("fake-error");
    assertThat(withPage.at("/shortDescription/text").asText()).isEqualTo("A fake error rule.");
    assertThat(withPage.at("/fullDescription/text").asText())
        .isEqualTo("Stands in for a real error rule in tests.");
    assertThat(withPage.at("/help/markdown").asText()).startsWith("# TST001 fake-error");
    assertThat(withPage.get("helpUri").asText()).isEqualTo(ToolInfo.RULE_DOCS_BASE + "TST001.md");
    assertThat(withPage.at("/defaultConfiguration/level").asText()).isEqualTo("error");

    JsonNode withoutPage = driver.at("/rules/1");
    assertThat(withoutPage.at("/help/markdown").isMissingNode()).isTrue();
    assertThat(withoutPage.at("/help/text").asText()).startsWith("Stands in for a real rule");
    assertThat(withoutPage.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
  }

  @Test
  void resultCarriesRuleLevelLocationTraceAndFingerprint() throws IOException {
    JsonNode run = MAPPER.readTree(render(Fixtures.sample(ROOT))).at("/runs/0");
    JsonNode r = run.at("/results/0");
    assertThat(r.get("ruleId").asText()).isEqualTo("TST001");
    assertThat(r.get("ruleIndex").asInt()).isZero();
    assertThat(r.get("level").asText()).isEqualTo("error");
    assertThat(r.at("/message/text").asText()).startsWith("region 'self.mmio' unparented");

    JsonNode loc = r.at("/locations/0/physicalLocation");
    assertThat(loc.at("/artifactLocation/uri").asText()).isEqualTo("hw/misc/a%20dev.c");
    assertThat(loc.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(loc.get("region"))
        .isEqualTo(
            MAPPER.readTree(
                "{\"startLine\":40,\"startColumn\":5,\"endLine\":40,\"endColumn\":37}"));

    JsonNode related = r.get("relatedLocations");
    assertThat(related.findValuesAsText("id")).containsExactly("0", "1");
    assertThat(related.at("/1/message/text").asText()).isEqualTo("called from my_unrealize");
    assertThat(related.at("/1/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("hw/misc/helpers.c");
    assertThat(r.at("/partialFingerprints/mrcheck~1v3").asText()).isEqualTo("fp-error-0001");

    assertThat(run.at("/results/1/ruleIndex").asInt()).isEqualTo(1);
    assertThat(run.at("/results/2/level").asText()).isEqualTo("note");
  }

  @Test
  void srcrootIsTheScanRootWithATrailingSlashAndArtifactsAreSorted() throws IOException {
    JsonNode run = MAPPER.readTree(render(Fixtures.sample(ROOT))).at("/runs/0");
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText()).isEqualTo("file:///src/qemu/");
    List<String> uris = run.get("artifacts").findValuesAsText("uri");
    assertThat(uris)
        .isSorted()
        .containsExactly(
            "hw/broken.c",
            "hw/misc/a%20dev.c",
            "hw/misc/helpers.c",
            "hw/pci/b.c",
            "hw/unreadable.c");
    // Every artifactLocation.index points at the artifact with the same uri.
    for (JsonNode location : run.findValues("artifactLocation")) {
      if (location.has("index")) {
        assertThat(uris.get(location.get("index").asInt())).isEqualTo(location.get("uri").asText());
      }
    }
  }

  @Test
  void inputProblemsAreToolExecutionNotifications() throws IOException {
    JsonNode inv = MAPPER.readTree(render(Fixtures.sample(ROOT))).at("/runs/0/invocations/0");
    assertThat(inv.get("executionSuccessful").asBoolean()).isTrue();
    JsonNode notes = inv.get("toolExecutionNotifications");
    assertThat(notes.size()).isEqualTo(2);
    assertThat(notes.at("/0/level").asText()).isEqualTo("warning");
    assertThat(notes.at("/0/message/text").asText()).isEqualTo("function dropped: parse error");
    assertThat(notes.at("/0/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
    assertThat(notes.at("/1/locations/0/physicalLocation/region").isMissingNode()).isTrue();
  }

  @Test
  void runPropertiesHoldTheFiguresButNoClockTime() throws IOException {
    String sarif = render(Fixtures.sample(ROOT));
    JsonNode props = MAPPER.readTree(sarif).at("/runs/0/properties");
    assertThat(props.get("semantics").asText()).isEqualTo("current");
    assertThat(props.at("/stats/filesFound").asInt()).isEqualTo(12);
    assertThat(props.at("/stats/linesParsed").asLong()).isEqualTo(4567);
    assertThat(sarif).doesNotContain("wallMillis", "TimeUtc", "1234");
  }

  @Test
  void findingOfARuleThatDidNotRunHasNoRuleIndex() throws IOException {
    ScanResult r = Fixtures.result(ROOT, List.of(Fixtures.error()), List.of());
    String sarif = render(new SarifReport(List.of(), HelpPages.none()), r);
    assertThat(MAPPER.readTree(sarif).at("/runs/0/results/0/ruleIndex").isMissingNode()).isTrue();
    assertThat(schemaErrors(sarif)).isEmpty();
  }

  // --- adoption: suppressions, baselines, GitHub code scanning -----------------------------

  private static ScanResult withSuppressedWarning() {
    ScanResult sample = Fixtures.sample(ROOT);
    Finding hidden = Fixtures.warning();
    Suppression comment =
        SuppressionComments.read(
                "hw/pci/b.c",
                "\n\n\n\n\n/* mrcheck: ignore TST002 -- the bridge is never unplugged */\nx();\n")
            .get(0);
    return sample
        .filter(f -> !f.equals(hidden))
        .withSuppressions(
            new Suppressions(List.of(comment), List.of(new Suppressed(hidden, comment))));
  }

  @Test
  void suppressedFindingsStayAsResultsWithAnInSourceJustification() throws IOException {
    String sarif = render(withSuppressedWarning());
    assertThat(schemaErrors(sarif)).isEmpty();
    JsonNode results = MAPPER.readTree(sarif).at("/runs/0/results");
    assertThat(results.findValuesAsText("ruleId")).containsExactly("TST001", "TST002", "TST003");
    JsonNode suppressed = results.get(1);
    assertThat(suppressed.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    assertThat(suppressed.at("/suppressions/0/justification").asText())
        .isEqualTo("the bridge is never unplugged");
    assertThat(suppressed.at("/suppressions/0/location/physicalLocation/region/startLine").asInt())
        .isEqualTo(6);
    assertThat(results.get(0).has("suppressions")).isFalse();
  }

  @Test
  void baselineStatesNewUnchangedAndAbsent() throws IOException {
    ScanResult sample = Fixtures.sample(ROOT);
    Baseline baseline =
        new Baseline(
            List.of(
                new Baseline.Entry(
                    "TST002", "hw/pci/b.c", 3, "a fake warning", Fixtures.warning().fingerprint()),
                new Baseline.Entry("TST001", "hw/gone.c", 12, "fixed since", "fp-fixed")));
    BaselineComparison comparison = BaselineComparison.of(sample.findings(), baseline);
    String sarif =
        render(
            new SarifReport(Fixtures.rules(), Fixtures.help()).withBaseline(comparison),
            sample.withFindings(comparison.fresh()));
    assertThat(schemaErrors(sarif)).isEmpty();
    JsonNode results = MAPPER.readTree(sarif).at("/runs/0/results");
    assertThat(results.findValuesAsText("baselineState"))
        .containsExactly("new", "unchanged", "new", "absent");
    JsonNode absent = results.get(3);
    assertThat(absent.get("ruleId").asText()).isEqualTo("TST001");
    assertThat(absent.get("level").asText()).isEqualTo("error");
    assertThat(absent.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("hw/gone.c");
    assertThat(absent.at("/partialFingerprints/" + Fingerprint.KEY.replace("/", "~1")).asText())
        .isEqualTo("fp-fixed");
  }

  /** What GitHub code scanning needs to ingest a run and rank its alerts. */
  @Test
  void githubCodeScanningProperties() throws IOException {
    List<RuleInfo> real = Rules.all().stream().map(Rule::info).toList();
    String sarif = render(new SarifReport(real, HelpPages.bundled()), Fixtures.sample(ROOT));
    assertThat(schemaErrors(sarif)).isEmpty();
    JsonNode root = MAPPER.readTree(sarif);
    assertThat(root.get("runs")).hasSize(1);
    JsonNode run = root.at("/runs/0");
    assertThat(run.at("/automationDetails/id").asText()).isEqualTo("mrcheck/current/");
    assertThat(run.at("/tool/driver/version").asText()).isNotBlank();
    assertThat(run.at("/tool/driver/semanticVersion").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .startsWith("file:///")
        .endsWith("/");
    for (JsonNode rule : run.at("/tool/driver/rules")) {
      String id = rule.get("id").asText();
      assertThat(rule.get("helpUri").asText()).as(id).isEqualTo(ToolInfo.ruleHelpUri(id));
      assertThat(rule.at("/properties/tags").findValuesAsText("")).as(id).isEmpty();
      assertThat(rule.at("/properties/tags")).as(id).isNotEmpty();
      assertThat(rule.at("/properties/tags").toString())
          .as(id)
          .contains("security")
          .contains("external/cwe/cwe-");
      double score = Double.parseDouble(rule.at("/properties/security-severity").asText());
      assertThat(score).as(id).isBetween(0.1, 10.0);
    }
    for (JsonNode result : run.get("results")) {
      String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
      assertThat(URI.create(uri).isAbsolute()).as(uri).isFalse();
      assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText())
          .isEqualTo("%SRCROOT%");
      assertThat(result.at("/partialFingerprints/" + Fingerprint.KEY.replace("/", "~1")).asText())
          .isNotBlank();
    }
  }

  private static String render(ScanResult result) throws IOException {
    return render(new SarifReport(Fixtures.rules(), Fixtures.help()), result);
  }

  private static String render(SarifReport report, ScanResult result) throws IOException {
    StringWriter out = new StringWriter();
    report.write(result, out);
    return out.toString();
  }

  private static List<String> schemaErrors(String json) throws IOException {
    return SarifSchema.errors(json);
  }
}
