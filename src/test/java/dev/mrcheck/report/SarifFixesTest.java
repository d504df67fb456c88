package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mrcheck.fix.FixTestTree;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.golden.GoldenMarkers;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.scan.ScanResult;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SARIF results carry the mechanical fixes as {@code fixes[].artifactChanges[].replacements[]}. */
class SarifFixesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void fixesAreSchemaValidAndMatchTheEdits(@TempDir Path dir) throws Exception {
    FixTestTree.copy(dir);
    ScanResult result = FixTestTree.scan(dir, Set.of("MR002", "MR004"));
    StringWriter out = new StringWriter();
    new SarifReport(Rules.all().stream().map(Rule::info).toList(), HelpPages.none())
        .withFixes(SourceTexts.under(dir))
        .write(result, out);
    JsonNode sarif = MAPPER.readTree(out.toString());
    assertThat(schemaErrors(sarif)).isEmpty();

    List<JsonNode> withFixes = new ArrayList<>();
    for (JsonNode r : sarif.at("/runs/0/results")) if (r.has("fixes")) withFixes.add(r);
    assertThat(withFixes).hasSize(4);
    JsonNode vga =
        withFixes.stream()
            .filter(
                r ->
                    r.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asText()
                        .equals("mr002_unparent_no_del_pci_exit.c"))
            .findFirst()
            .orElseThrow();
    JsonNode change = vga.at("/fixes/0/artifactChanges/0");
    assertThat(change.at("/artifactLocation/uri").asText())
        .isEqualTo("mr002_unparent_no_del_pci_exit.c");
    assertThat(change.at("/artifactLocation/uriBaseId").asText()).isEqualTo(SarifReport.SRCROOT);
    JsonNode replacement = change.at("/replacements/0");
    int vgaLine = GoldenMarkers.flaggedLine("testdata/c/mr002_unparent_no_del_pci_exit.c", "MR002");
    assertThat(replacement.at("/deletedRegion/startLine").asInt()).isEqualTo(vgaLine);
    assertThat(replacement.at("/deletedRegion/startColumn").asInt()).isEqualTo(1);
    assertThat(replacement.at("/deletedRegion/endLine").asInt()).isEqualTo(vgaLine);
    assertThat(replacement.at("/deletedRegion/endColumn").asInt()).isEqualTo(1);
    assertThat(replacement.at("/insertedContent/text").asText())
        .isEqualTo("    memory_region_del_subregion(pci_address_space(pdev), &s->vga_low);\n");
    assertThat(vga.at("/fixes/0/description/text").asText())
        .startsWith("Insert memory_region_del_subregion(");

    JsonNode mr004 =
        withFixes.stream()
            .filter(r -> r.get("ruleId").asText().equals("MR004"))
            .findFirst()
            .orElseThrow();
    JsonNode deletion = mr004.at("/fixes/0/artifactChanges/0/replacements/0");
    assertThat(deletion.has("insertedContent")).isFalse();
    assertThat(deletion.at("/deletedRegion/startLine").asInt()).isEqualTo(25);
    assertThat(deletion.at("/deletedRegion/endLine").asInt()).isEqualTo(26);
  }

  private static List<String> schemaErrors(JsonNode json) throws Exception {
    Schema schema;
    try (InputStream in =
        SarifReport.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
              .getSchema(MAPPER.readTree(in));
    }
    List<String> messages = new ArrayList<>();
    for (Error e : schema.validate(json)) messages.add(e.toString());
    return messages;
  }
}
