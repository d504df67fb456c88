package dev.mrcheck.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mrcheck.ToolInfo;
import dev.mrcheck.io.IoMessages;
import dev.mrcheck.io.JsonMessages;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Fingerprint;
import dev.mrcheck.scan.ScanException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings a project has accepted, by fingerprint: {@code --write-baseline} records them,
 * {@code --baseline} reports only what is not in it. Line and message are kept for people reading
 * the file and for SARIF {@code absent} results; matching uses rule and fingerprint only, so moving
 * code up or down the file does not make a finding new. The file is JSON, sorted, one entry per
 * finding (two identical fingerprints are two entries: one more is a new finding).
 */
public record Baseline(List<Entry> entries) {
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public record Entry(String rule, String file, int line, String message, String fingerprint) {
    static Entry of(Finding f) {
      return new Entry(f.ruleId(), f.loc().file(), f.loc().line(), f.message(), f.fingerprint());
    }

    String key() {
      return rule + "|" + fingerprint;
    }
  }

  public Baseline {
    entries =
        entries.stream()
            .sorted(
                Comparator.comparing(Entry::file)
                    .thenComparing(Entry::line)
                    .thenComparing(Entry::rule)
                    .thenComparing(Entry::fingerprint))
            .toList();
  }

  public static Baseline of(List<Finding> findings) {
    return new Baseline(findings.stream().map(Entry::of).toList());
  }

  public void write(Writer out) throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("formatVersion", FORMAT_VERSION);
    root.put("tool", ToolInfo.NAME + " " + ToolInfo.version());
    root.put("fingerprints", Fingerprint.KEY);
    ArrayNode list = root.putArray("findings");
    for (Entry e : entries) {
      list.addObject()
          .put("rule", e.rule())
          .put("file", e.file())
          .put("line", e.line())
          .put("message", e.message())
          .put("fingerprint", e.fingerprint());
    }
    MAPPER.writeValue(new NonClosing(out), root);
    out.write('\n');
  }

  /**
   * Reads a baseline file; a missing, malformed or outdated file is a one-line {@link
   * ScanException}.
   */
  public static Baseline read(Path file) throws ScanException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new ScanException(
          "baseline file not found: " + file + " (write one with --write-baseline)");
    } catch (JsonProcessingException e) {
      throw new ScanException(
          "baseline " + file + " is not valid JSON: " + JsonMessages.describe(e));
    } catch (IOException e) {
      throw new ScanException(IoMessages.cannot("read baseline", file, e), e);
    }
    if (root == null || !root.isObject() || !root.path("findings").isArray()) {
      throw new ScanException(
          "baseline " + file + " has no 'findings' list: is it an mrcheck baseline?");
    }
    String key = root.path("fingerprints").asText();
    if (!key.equals(Fingerprint.KEY)) {
      throw new ScanException(
          "baseline "
              + file
              + " uses fingerprints '"
              + key
              + "', this mrcheck uses '"
              + Fingerprint.KEY
              + "': write it again with --write-baseline");
    }
    JsonNode version = root.path("formatVersion");
    if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
      // A newer format may mean something else by the same fields; guessing could hide new
      // findings.
      throw new ScanException(
          "baseline "
              + file
              + " has format version "
              + (version.isMissingNode() ? "(none)" : version.toString())
              + ", this mrcheck reads version "
              + FORMAT_VERSION
              + ": write it again with --write-baseline (or use the mrcheck that wrote it)");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode n : root.get("findings")) {
      if (!n.path("rule").isTextual() || !n.path("fingerprint").isTextual()) {
        throw new ScanException(
            "baseline " + file + ": an entry without rule or fingerprint: " + n);
      }
      entries.add(
          new Entry(
              n.get("rule").asText(),
              n.path("file").asText(),
              n.path("line").asInt(),
              n.path("message").asText(),
              n.get("fingerprint").asText()));
    }
    return new Baseline(entries);
  }

  /** Jackson closes what it writes to; the caller owns the writer. */
  private static final class NonClosing extends java.io.FilterWriter {
    NonClosing(Writer out) {
      super(out);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
