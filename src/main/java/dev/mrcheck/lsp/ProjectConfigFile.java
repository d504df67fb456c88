package dev.mrcheck.lsp;

import dev.mrcheck.config.ConfigException;
import dev.mrcheck.config.ConfigLoader;
import dev.mrcheck.config.ProjectConfig;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.suppress.SuppressionFilter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;

/**
 * The workspace's {@code .mrcheck.yaml}, found and read as {@code mrcheck scan} does (the nearest
 * one from the first scanned folder upwards). A bad file is shown where it is wrong, as a
 * diagnostic on its line, and once in a {@code window/showMessage}; like the CLI, the server does
 * not analyze with a file it cannot read fully (a silently ignored setting is worse than none) and
 * publishes nothing new until the file is fixed. Touched only on the analysis thread.
 */
final class ProjectConfigFile {
  /**
   * The rule ids a configuration may name: the rules and the suppression pseudo-rules, as the CLI's
   * catalogue.
   */
  static final Set<String> KNOWN_RULES =
      Stream.concat(Rules.all().stream(), SuppressionFilter.rules().stream())
          .map(Rule::info)
          .map(r -> r.id())
          .collect(Collectors.toUnmodifiableSet());

  /** What reading gave: the configuration (null: no file), or {@code bad}. */
  record Loaded(ProjectConfig config, boolean bad) {}

  private final ServerState state;
  private Path errorShownOn;
  private String errorShown;

  ProjectConfigFile(ServerState state) {
    this.state = state;
  }

  /**
   * Reads the file for a scan of {@code paths} again; a bad one is reported (if not already) and
   * clears nothing.
   */
  Loaded load(List<Path> paths) {
    Optional<Path> file = ConfigLoader.findFor(paths);
    try {
      ProjectConfig config = file.isEmpty() ? null : new ConfigLoader(KNOWN_RULES).load(file.get());
      clearError();
      return new Loaded(config, false);
    } catch (ConfigException e) {
      report(e);
      return new Loaded(null, true);
    }
  }

  private void report(ConfigException e) {
    Path file = e.file().toAbsolutePath().normalize();
    if (file.equals(errorShownOn) && e.getMessage().equals(errorShown)) return;
    if (errorShownOn != null && !errorShownOn.equals(file)) publish(errorShownOn, List.of());
    Position at = new Position(Math.max(0, e.line() - 1), 0);
    Diagnostic d = new Diagnostic(new Range(at, new Position(at.getLine() + 1, 0)), e.detail());
    d.setSeverity(DiagnosticSeverity.Error);
    d.setSource(FindingDiagnostics.SOURCE);
    d.setCode("config");
    publish(file, List.of(d));
    state
        .client()
        .showMessage(
            new MessageParams(
                MessageType.Error,
                "mrcheck: " + e.getMessage() + " (not analyzing until it is fixed)"));
    state.log().error("bad configuration: " + e.getMessage());
    errorShownOn = file;
    errorShown = e.getMessage();
  }

  private void clearError() {
    if (errorShownOn == null) return;
    publish(errorShownOn, List.of());
    state.log().info("configuration " + errorShownOn + " is valid again");
    errorShownOn = null;
    errorShown = null;
  }

  private void publish(Path file, List<Diagnostic> ds) {
    state.client().publishDiagnostics(new PublishDiagnosticsParams(file.toUri().toString(), ds));
  }
}
