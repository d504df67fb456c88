package dev.mrcheck.report;

import static dev.mrcheck.analysis.Fact.Owner.SELF;
import static dev.mrcheck.model.Role.REALIZE;
import static dev.mrcheck.model.Role.UNREALIZE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.confirm.Confirmer;
import dev.mrcheck.confirm.Witnesses;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Witness;
import dev.mrcheck.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Findings with the runtime model's confirmation, in every format. */
class ConfirmedReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path ROOT = Path.of("/src/qemu");
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in =
        SarifReport.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
              .getSchema(MAPPER.readTree(in));
    }
  }

  private static Finding mr002(boolean delFirst) {
    Witnesses w =
        new Witnesses()
            .init(REALIZE, "self.legacy_io", SELF, RegionKind.IO)
            .step(REALIZE, Witnesses.map("self.legacy_io", "global:pci_io"));
    if (delFirst) w.step(UNREALIZE, Witnesses.unmap("self.legacy_io", "global:pci_io"));
    return w.step(UNREALIZE, Witnesses.unparent("self.legacy_io"))
        .finding("TST001", true, Witness.Expectation.FINALIZED_WHILE_MAPPED);
  }

  /** One confirmed finding and one the model refutes (kept, as with --unconfirmed). */
  private static ScanResult result() {
    Finding confirmed = mr002(false);
    Finding refuted = mr002(true);
    Confirmer confirmer = new Confirmer();
    Map<Finding, Confirmation> c =
        Map.of(
            confirmed, confirmer.confirm(confirmed, Semantics.CURRENT),
            refuted, confirmer.confirm(refuted, Semantics.CURRENT));
    return new ScanResult(
        ROOT, "current", List.of(confirmed, refuted), List.of(), Fixtures.STATS, c);
  }

  @Test
  void sarifHasCodeFlowsForConfirmedResultsAndStaysValid() throws IOException {
    StringWriter out = new StringWriter();
    new SarifReport(Fixtures.rules(), Fixtures.help()).write(result(), out);
    List<String> errors = new ArrayList<>();
    for (Error e : schema.validate(MAPPER.readTree(out.toString()))) errors.add(e.toString());
    assertThat(errors).isEmpty();

    JsonNode results = MAPPER.readTree(out.toString()).at("/runs/0/results");
    JsonNode confirmed = results.get(0);
    assertThat(confirmed.at("/properties/confirmed").asBoolean()).isTrue();
    assertThat(confirmed.at("/properties/semantics").asText()).isEqualTo("current");
    JsonNode steps = confirmed.at("/codeFlows/0/threadFlows/0/locations");
    assertThat(steps.size()).isGreaterThan(3);
    List<String> messages = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (JsonNode s : steps) {
      messages.add(s.at("/location/message/text").asText());
      lines.add(s.at("/location/physicalLocation/region/startLine").asInt());
      assertThat(s.at("/location/physicalLocation/artifactLocation/uri").asText())
          .isEqualTo(Witnesses.FILE);
    }
    assertThat(messages)
        .containsSubsequence(
            "realize initializes s->legacy_io (io, owner TYPE_DEV)",
            "realize adds s->legacy_io to pci_io",
            "unrealize unparents s->legacy_io");
    assertThat(messages)
        .anyMatch(m -> m.contains("FinalizedWhileMapped: region finalized while mapped in pci_io"));
    assertThat(lines).isSorted();

    JsonNode refuted = results.get(1);
    assertThat(refuted.at("/properties/confirmed").asBoolean()).isFalse();
    assertThat(refuted.has("codeFlows")).isFalse();
  }

  @Test
  void textWithReplayPutsTheReplayIndentedUnderTheDiagnosticAndMarksUnconfirmed()
      throws IOException {
    StringWriter out = new StringWriter();
    new TextReport("").withReplay(true).write(result(), out);
    String[] lines = out.toString().split("\n");
    assertThat(lines[0])
        .startsWith("hw/misc/dev.c:12:5: error: test finding [TST001]")
        .doesNotContain("unconfirmed");
    assertThat(lines[1]).contains("note: runtime model (current semantics, hot-unplug)");
    assertThat(out.toString())
        .contains("\n  hw/misc/dev.c:11:5: note: realize adds s->legacy_io to pci_io\n")
        .contains("\n  hw/misc/dev.c:12:5: note: unrealize unparents s->legacy_io\n")
        .contains("\n  note: unrealize of TYPE_DEV\n")
        .contains("error: test finding [TST001] [unconfirmed]")
        .contains("note: not reproduced by the current model");
  }

  @Test
  void textByDefaultKeepsTheDiagnosticAndCallChainButNotTheReplay() throws IOException {
    StringWriter out = new StringWriter();
    new TextReport("").write(result(), out);
    assertThat(out.toString())
        .startsWith("hw/misc/dev.c:12:5: error: test finding [TST001]\n")
        .doesNotContain("runtime model (")
        .doesNotContain("realize adds s->legacy_io to pci_io")
        .as("a finding kept by --unconfirmed still says why, in one note")
        .contains("error: test finding [TST001] [unconfirmed]")
        .contains("note: not reproduced by the current model");
  }

  @Test
  void jsonCarriesTheSameContent() {
    JsonNode findings = new JsonReport().toJson(result()).get("findings");
    JsonNode confirmed = findings.get(0);
    assertThat(confirmed.get("confirmed").asBoolean()).isTrue();
    assertThat(confirmed.get("semantics").asText()).isEqualTo("current");
    assertThat(confirmed.get("verdict").asText()).startsWith("confirmed by the current model");
    assertThat(confirmed.get("witnessTrace").findValuesAsText("message"))
        .contains("realize adds s->legacy_io to pci_io");
    assertThat(findings.get(1).get("confirmed").asBoolean()).isFalse();
  }
}
