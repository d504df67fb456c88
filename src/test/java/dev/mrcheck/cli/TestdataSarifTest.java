package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mrcheck.report.SarifSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's SARIF report of the whole golden corpus (what CI's smoke scan prints as text) is valid
 * against the official SARIF 2.1.0 schema, and carries every finding the summary line counts.
 */
class TestdataSarifTest {
  private static final Pattern SUMMARY_COUNT = Pattern.compile(", (\\d+) findings? ");

  @Test
  void scanOfTestdataIsSchemaValidSarifWithEveryFinding(@TempDir Path tmp) throws Exception {
    Path sarif = tmp.resolve("testdata.sarif");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(
            CliContext.production(),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "scan",
            "--no-config",
            "--no-progress",
            "--semantics",
            "current",
            "--unconfirmed",
            "--fail-on",
            "none",
            "--format",
            "sarif",
            "--output",
            sarif.toString(),
            "testdata/c");

    assertThat(exit).as(err.toString()).isZero();
    String json = Files.readString(sarif);
    assertThat(SarifSchema.errors(json)).isEmpty();

    JsonNode results = new ObjectMapper().readTree(json).at("/runs/0/results");
    Matcher summary = SUMMARY_COUNT.matcher(err.toString());
    assertThat(summary.find()).as("summary line with a finding count on stderr: %s", err).isTrue();
    assertThat(results.size()).isEqualTo(Integer.parseInt(summary.group(1)));
    Set<String> rules = new TreeSet<>();
    results.forEach(r -> rules.add(r.get("ruleId").asText()));
    assertThat(rules)
        .as("testdata/c has a positive case for every rule")
        .containsExactly(
            "MR001", "MR002", "MR003", "MR004", "MR005", "MR006", "MR007", "MR008", "MR009",
            "MR010");
  }
}
