package dev.mrcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Surefire runs only classes named Test*, *Test, *Tests or *TestCase (pom.xml has no includes): a
 * test class named otherwise compiles, and its tests never run. This one fails instead.
 */
class EveryTestClassRunsTest {
  private static final Pattern TEST_METHOD =
      Pattern.compile(
          "@(?:[\\w.]+\\.)?(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Property)\\b");
  private static final Pattern SUREFIRE_DEFAULT =
      Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");

  @Test
  void everyClassWithTestsHasANameSurefireRuns() throws IOException {
    List<String> unrun;
    try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
      unrun =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .filter(
                  f ->
                      !SUREFIRE_DEFAULT
                          .matcher(f.getFileName().toString().replace(".java", ""))
                          .matches())
              .filter(EveryTestClassRunsTest::hasTests)
              .map(Path::toString)
              .sorted()
              .toList();
    }
    assertThat(unrun).as("test classes surefire never runs (rename them to *Test)").isEmpty();
  }

  private static boolean hasTests(Path file) {
    try {
      return TEST_METHOD.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
