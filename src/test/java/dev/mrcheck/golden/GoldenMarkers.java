package dev.mrcheck.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lines of a golden file found from its own markers, for tests that point at a finding of a
 * testdata case: inserting lines into the case moves its markers with the code, so such a test
 * keeps pointing at the flagged line instead of at a hard-coded number.
 */
public final class GoldenMarkers {
  private GoldenMarkers() {}

  /** The line the file's only {@code // BUG...: ruleId} marker stands above. */
  public static int flaggedLine(String file, String ruleId) {
    return flaggedLine(file, ruleId, "");
  }

  /**
   * The line the file's only {@code // BUG...: ruleId} marker whose message text contains {@code
   * text} stands above.
   */
  public static int flaggedLine(String file, String ruleId, String text) {
    List<Expectation> bugs =
        expectations(Path.of(file)).bugs().stream()
            .filter(e -> e.ruleId().equals(ruleId) && e.messageSubstring().contains(text))
            .toList();
    if (bugs.size() != 1) {
      throw new IllegalStateException(
          file
              + " has "
              + bugs.size()
              + " BUG markers for "
              + ruleId
              + (text.isEmpty() ? "" : " containing \"" + text + "\"")
              + ", want one");
    }
    return bugs.get(0).line();
  }

  private static FileExpectations expectations(Path file) {
    try {
      return ExpectationParser.parse(
          file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
