package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's examples are run, so they cannot drift from what mrcheck prints. In a {@code
 * ```text} block, a line {@code $ mrcheck ARGS} followed by output lines is an example: it runs
 * in-process from the repository root, and the output lines must appear in its stdout then stderr,
 * in order, each run of lines between {@code ...} lines contiguous; a line ending in {@code , ...}
 * matches by its start (the wall time). Commands without output shown (an in-place {@code fix} of
 * {@code hw/}) are not run. The prose figures about {@code testdata/c} ({@code --compare} counts,
 * text lines per scan) are checked against the same runs.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("README.md");
  private static final Pattern COMPARE =
      Pattern.compile(
          "`--semantics (\\w+) --compare (\\w+)` lists (\\d+) findings only under (\\w+)\\s+\\([^)]*\\)\\s+and\\s+(\\d+)"
              + "\\s+only\\s+under\\s+(\\w+)");
  private static final Pattern TEXT_LINES =
      Pattern.compile(
          "That is (\\d+) lines for the (\\d+) findings of `testdata/c`\\. `--trace` adds[^(]*\\(([\\d,]+) lines in all\\)");

  private static String readme;
  private static final Map<String, Run> RUNS = new HashMap<>();

  record Run(int exit, String out, String err) {}

  record Example(List<String> args, List<String> expected) {}

  @BeforeAll
  static void load() throws Exception {
    readme = Files.readString(README);
  }

  @Test
  void everyExampleWithOutputPrintsWhatTheReadmeShows() {
    List<Example> examples = examples(readme);
    assertThat(examples).as("README examples with output").hasSizeGreaterThanOrEqualTo(4);
    for (Example e : examples) {
      assertThat(e.args())
          .as("an example never edits the tree")
          .doesNotContain("--fix")
          .satisfies(a -> assertThat(a.get(0).equals("fix") && !a.contains("--diff")).isFalse());
      Run r = run(e.args());
      assertThat(r.exit())
          .as("exit of mrcheck " + String.join(" ", e.args()) + ": " + r.err())
          .isLessThan(2);
      assertShows(String.join(" ", e.args()), r.out() + r.err(), e.expected());
    }
  }

  @Test
  void compareCountsInTheProseAreWhatCompareReports() {
    Matcher m = COMPARE.matcher(readme.replaceAll("\\s+", " "));
    int checked = 0;
    while (m.find()) {
      Run r =
          run(
              List.of(
                  "scan",
                  "--semantics",
                  m.group(1),
                  "--compare",
                  m.group(2),
                  "--no-progress",
                  "testdata/c"));
      assertThat(r.err())
          .as(m.group())
          .contains(
              "mrcheck: "
                  + m.group(3)
                  + " finding(s) only under "
                  + m.group(4)
                  + ", "
                  + m.group(5)
                  + " only under "
                  + m.group(6));
      checked++;
    }
    assertThat(checked).as("--compare sentences about testdata/c").isEqualTo(2);
  }

  @Test
  void textLineCountsInTheProseAreWhatScanPrints() {
    Matcher m = TEXT_LINES.matcher(readme.replaceAll("\\s+", " "));
    assertThat(m.find()).as("the sentence on text output length").isTrue();
    Run plain = run(List.of("scan", "testdata/c"));
    Run traced = run(List.of("scan", "--trace", "testdata/c"));
    assertThat(plain.out().lines().count()).isEqualTo(Long.parseLong(m.group(1)));
    assertThat(plain.err()).contains(", " + m.group(2) + " findings (");
    assertThat(traced.out().lines().count()).isEqualTo(Long.parseLong(m.group(3).replace(",", "")));
  }

  /** The {@code $ mrcheck} examples of the README's text blocks that show output. */
  static List<Example> examples(String text) {
    List<Example> out = new ArrayList<>();
    boolean inText = false;
    List<String> args = null;
    List<String> expected = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("```")) {
        if (inText && args != null && !expected.isEmpty()) out.add(new Example(args, expected));
        inText = !inText && line.equals("```text");
        args = null;
        expected = new ArrayList<>();
      } else if (inText && line.startsWith("$ ")) {
        if (args != null && !expected.isEmpty()) out.add(new Example(args, expected));
        String command = line.substring(2).replaceAll("\\s+#.*", "").trim();
        args =
            command.startsWith("mrcheck ")
                ? Arrays.asList(command.substring(8).trim().split("\\s+"))
                : null;
        expected = new ArrayList<>();
      } else if (inText && args != null) {
        expected.add(line);
      }
    }
    return out;
  }

  /**
   * {@code expected}'s chunks between {@code ...} lines appear in {@code actual} in order, each
   * contiguous.
   */
  private static void assertShows(String command, String actual, List<String> expected) {
    List<String> lines = actual.lines().toList();
    int from = 0;
    List<String> chunk = new ArrayList<>();
    List<List<String>> chunks = new ArrayList<>();
    for (String e : expected) {
      if (e.equals("...")) {
        if (!chunk.isEmpty()) chunks.add(chunk);
        chunk = new ArrayList<>();
      } else {
        chunk.add(e);
      }
    }
    if (!chunk.isEmpty()) chunks.add(chunk);
    for (List<String> c : chunks) {
      int at = find(lines, c, from);
      assertThat(at)
          .as(
              "README example 'mrcheck "
                  + command
                  + "': these lines, in this order, after line "
                  + from
                  + ":\n"
                  + String.join("\n", c))
          .isGreaterThanOrEqualTo(0);
      from = at + c.size();
    }
  }

  private static int find(List<String> lines, List<String> chunk, int from) {
    for (int i = from; i + chunk.size() <= lines.size(); i++) {
      boolean all = true;
      for (int j = 0; j < chunk.size() && all; j++) all = matches(lines.get(i + j), chunk.get(j));
      if (all) return i;
    }
    return -1;
  }

  private static boolean matches(String actual, String expected) {
    return expected.endsWith(", ...")
        ? actual.startsWith(expected.substring(0, expected.length() - 3))
        : actual.equals(expected);
  }

  private static Run run(List<String> args) {
    return RUNS.computeIfAbsent(
        String.join("\u0000", args),
        k -> {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          List<String> all = new ArrayList<>(args);
          if (!all.contains("--no-progress") && all.get(0).equals("scan"))
            all.add(1, "--no-progress");
          int exit =
              Main.run(
                  CliContext.production(),
                  new PrintWriter(out, true),
                  new PrintWriter(err, true),
                  all.toArray(String[]::new));
          return new Run(exit, out.toString(), err.toString());
        });
  }
}
