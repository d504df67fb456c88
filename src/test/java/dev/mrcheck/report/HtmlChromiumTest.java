package dev.mrcheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mrcheck.fix.FixTestTree;
import dev.mrcheck.scan.ScanResult;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: Debian's Chromium, headless, renders the page from a file://
 * URL with the network shut off. {@code --dump-dom} gives the DOM after the filter script ran;
 * {@code --screenshot} shows the drawings were painted. Skipped when Chromium is not installed
 * (.ci/run installs it and fails if this test was skipped).
 */
class HtmlChromiumTest {
  @TempDir static Path dir;
  static Path report;
  static String chromium;

  @BeforeAll
  static void render() throws Exception {
    chromium = findChromium();
    if (chromium == null) return;
    Path tree = Files.createDirectories(dir.resolve("tree"));
    FixTestTree.copy(tree);
    ScanResult result = FixTestTree.scan(tree, Set.of());
    report = dir.resolve("report.html");
    Files.writeString(report, HtmlReportTest.render(result, tree));
  }

  @Test
  void filterFromTheFragmentHidesTheUncheckedRule() throws Exception {
    assumeTrue(
        chromium != null,
        "chromium is not installed (apt-get install chromium); .ci/run installs it");
    String dom = browser("--dump-dom", report.toUri() + "#hide=MR004");
    List<String> articles = articles(dom);
    assertThat(articles)
        .hasSizeGreaterThan(3)
        .as("an MR004 finding for the fragment to hide")
        .anyMatch(a -> a.contains("data-rule=\"MR004\""))
        .as("a finding of another rule to stay shown")
        .anyMatch(a -> !a.contains("data-rule=\"MR004\""));
    for (String a : articles) {
      boolean mr004 = a.contains("data-rule=\"MR004\"");
      assertThat(a.contains(" hidden")).as(a).isEqualTo(mr004);
    }
    long shown = articles.stream().filter(a -> !a.contains(" hidden")).count();
    assertThat(dom)
        .contains(
            "data-shown=\"" + shown + "\"", shown + " of " + articles.size() + " findings shown");
    assertThat(dom).contains("<svg class=\"object-graph\"", "MR002");
    // Without a fragment nothing is hidden.
    assertThat(articles(browser("--dump-dom", report.toUri().toString())))
        .noneMatch(a -> a.contains(" hidden"));
  }

  @Test
  void screenshotShowsTheHighlightedEdge() throws Exception {
    assumeTrue(
        chromium != null,
        "chromium is not installed (apt-get install chromium); .ci/run installs it");
    Path png = dir.resolve("shot.png");
    browser("--screenshot=" + png, "--window-size=1000,2400", report.toUri() + "#hide=MR004");
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("screenshot").isNotNull();
    assertThat(image.getWidth()).isEqualTo(1000);
    // The highlighted edge is #dc2626; nothing else on the page uses that red.
    int hot = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (Math.abs(r - 0xdc) < 12 && Math.abs(g - 0x26) < 12 && Math.abs(b - 0x26) < 12) hot++;
      }
    }
    assertThat(hot).as("pixels of the highlighted edge").isGreaterThan(50);
  }

  private static List<String> articles(String dom) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<article [^>]*>").matcher(dom);
    while (m.find()) out.add(m.group());
    return out;
  }

  /**
   * Runs Chromium headless with the flags this machine needs (no sandbox as root, no background
   * network).
   */
  private static String browser(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                chromium,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "chromium", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit status").isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  /** {@code MRCHECK_CHROMIUM}, else chromium or chromium-browser on PATH. */
  private static String findChromium() {
    String env = System.getenv("MRCHECK_CHROMIUM");
    if (env != null && !env.isBlank()) return env;
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        if (!d.isEmpty() && Files.isExecutable(Path.of(d, name)))
          return Path.of(d, name).toString();
      }
    }
    return null;
  }
}
