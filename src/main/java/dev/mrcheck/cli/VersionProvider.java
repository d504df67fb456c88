package dev.mrcheck.cli;

import dev.mrcheck.ToolInfo;
import dev.mrcheck.model.Semantics;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.IVersionProvider;

/** {@code mrcheck --version}: the tool version and what it runs on (no git, no build time). */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String semantics =
        Arrays.stream(Semantics.values())
            .map(
                s ->
                    s == dev.mrcheck.pipeline.AnalysisSettings.DEFAULT_SEMANTICS
                        ? s.label() + " (default)"
                        : s.label())
            .collect(Collectors.joining(", "));
    return new String[] {
      ToolInfo.NAME + " " + ToolInfo.version(),
      "output: text, SARIF 2.1.0, JSON; semantics: " + semantics,
      "Java "
          + System.getProperty("java.version")
          + " ("
          + System.getProperty("java.vendor")
          + ") on "
          + System.getProperty("os.name")
          + " "
          + System.getProperty("os.arch"),
    };
  }
}
