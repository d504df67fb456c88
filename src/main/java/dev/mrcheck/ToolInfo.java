package dev.mrcheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Who made a report: the names and addresses every format and {@code --version} print. */
public final class ToolInfo {
  public static final String NAME = "mrcheck";
  public static final String INFORMATION_URI = "https://github.com/mrcheck/mrcheck";

  /** Where the rule pages ({@code docs/rules/<id>.md}) are published; SARIF helpUri points here. */
  public static final String RULE_DOCS_BASE = INFORMATION_URI + "/blob/main/docs/rules/";

  private static final String VERSION_RESOURCE = "/dev/mrcheck/version.properties";
  private static final String VERSION = loadVersion();

  private ToolInfo() {}

  public static String version() {
    return VERSION;
  }

  public static String ruleHelpUri(String ruleId) {
    return RULE_DOCS_BASE + ruleId + ".md";
  }

  private static String loadVersion() {
    try (InputStream in = ToolInfo.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in == null) return "unknown";
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
