package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JsonReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Path ROOT = Path.of("/src/qemu");

  @Test
  void findingsProblemsAndStatsInAFlatShape() throws IOException {
    JsonNode json = MAPPER.readTree(render());
    assertThat(json.get("formatVersion").asInt()).isEqualTo(JsonReport.FORMAT_VERSION);
    assertThat(json.at("/tool/name").asText()).isEqualTo("mrcheck");
    assertThat(json.get("root").asText()).isEqualTo("/src/qemu");
    assertThat(json.get("semantics").asText()).isEqualTo("current");

    assertThat(json.at("/findings/0"))
        .isEqualTo(
            MAPPER.readTree(
                """
        {"rule": "TST001", "level": "error", "file": "hw/misc/a dev.c", "line": 40, "column": 5,
         "endLine": 40, "endColumn": 37,
         "message": "region 'self.mmio' unparented while mapped into \\"self.container\\" — dangling",
         "trace": [
           {"file": "hw/misc/a dev.c", "line": 30, "column": 3, "message": "mapped here (realize)"},
           {"file": "hw/misc/helpers.c", "line": 12, "column": 9, "message": "called from my_unrealize"}],
         "fingerprint": "fp-error-0001"}
        """));
    assertThat(json.get("findings").findValuesAsText("level"))
        .containsExactly("error", "warning", "note");
    assertThat(json.at("/problems/1"))
        .isEqualTo(
            MAPPER.readTree(
                "{\"file\": \"hw/unreadable.c\", \"line\": 0, \"column\": 0, \"message\": \"cannot read file\"}"));
    assertThat(json.at("/stats/functions").asInt()).isEqualTo(89);
    assertThat(json.at("/stats/inactiveFunctions").asInt()).isZero();
    assertThat(json.at("/stats/wallMillis").isMissingNode()).isTrue();
  }

  @Test
  void sameResultGivesTheSameBytesEndingInANewline() throws IOException {
    String first = render();
    assertThat(first).isEqualTo(render()).endsWith("}\n").doesNotContain("\r");
  }

  private static String render() throws IOException {
    StringWriter out = new StringWriter();
    new JsonReport().write(Fixtures.sample(ROOT), out);
    return out.toString();
  }
}
