package dev.mrcheck.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A rule's long help page (Markdown, bad and good example). The bundled pages are the resources
 * {@code dev/mrcheck/rules/help/<id>.md}; tests supply their own.
 */
@FunctionalInterface
public interface HelpPages {
  Optional<String> markdown(String ruleId);

  String RESOURCE_DIR = "dev/mrcheck/rules/help/";

  static HelpPages bundled() {
    return ruleId -> {
      try (InputStream in =
          HelpPages.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + ruleId + ".md")) {
        return in == null
            ? Optional.empty()
            : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  static HelpPages none() {
    return ruleId -> Optional.empty();
  }
}
