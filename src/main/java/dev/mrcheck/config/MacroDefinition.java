package dev.mrcheck.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code NAME}, {@code NAME=VALUE} or {@code NAME(args)=VALUE}, as written after {@code -D} or in
 * {@code defines:}.
 */
public final class MacroDefinition {
  private static final Pattern DEFINE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]*(?:\\([^)]*\\))?)(?:=(.*))?");

  private MacroDefinition() {}

  /**
   * The macro's name and value (1 when none is given, as with {@code cc -D}); empty if malformed.
   */
  public static Optional<Map.Entry<String, String>> parse(String text) {
    Matcher m = DEFINE.matcher(text);
    if (!m.matches()) return Optional.empty();
    return Optional.of(Map.entry(m.group(1), m.group(2) == null ? "1" : m.group(2)));
  }

  /** A macro name alone, without a value. */
  public static boolean isName(String text) {
    return !text.contains("=") && DEFINE.matcher(text).matches();
  }
}
