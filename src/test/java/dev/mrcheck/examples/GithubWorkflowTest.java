package dev.mrcheck.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * examples/github/mrcheck.yml, the code-scanning workflow the README shows, is valid and complete.
 */
class GithubWorkflowTest {
  private static final Path WORKFLOW = Path.of("examples/github/mrcheck.yml");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> workflow() throws IOException {
    return (Map<String, Object>)
        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(WORKFLOW));
  }

  @Test
  @SuppressWarnings("unchecked")
  void scansAsSarifAndUploadsIt() throws IOException {
    Map<String, Object> wf = workflow();
    assertThat((Map<String, Object>) wf.get("permissions"))
        .containsEntry("security-events", "write");
    Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
    assertThat(jobs).hasSize(1);
    Map<String, Object> job = (Map<String, Object>) jobs.values().iterator().next();
    List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
    assertThat(steps)
        .extracting(s -> String.valueOf(s.get("uses")))
        .contains(
            "actions/checkout@v5", "actions/setup-java@v5", "github/codeql-action/upload-sarif@v4");

    Map<String, Object> scan =
        steps.stream()
            .filter(s -> String.valueOf(s.get("run")).contains(" scan "))
            .findFirst()
            .orElseThrow();
    String command = (String) scan.get("run");
    assertThat(command)
        .contains("mrcheck scan", "--format sarif", "--output \"$RUNNER_TEMP/mrcheck.sarif\"")
        .endsWith(" .");

    Map<String, Object> upload =
        steps.stream()
            .filter(
                s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif"))
            .findFirst()
            .orElseThrow();
    assertThat((Map<String, Object>) upload.get("with"))
        .containsEntry("sarif_file", "${{ runner.temp }}/mrcheck.sarif");
    assertThat(steps.indexOf(scan)).isLessThan(steps.indexOf(upload));
  }

  @Test
  void readmeShowsTheWorkflow() throws IOException {
    assertThat(Files.readString(Path.of("README.md")))
        .contains("examples/github/mrcheck.yml")
        .contains("github/codeql-action/upload-sarif@v4");
  }
}
