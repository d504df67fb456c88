package dev.mrcheck.scan;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.io.IoMessages;
import dev.mrcheck.io.JsonMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A build's {@code compile_commands.json} (the JSON compilation database meson and CMake write):
 * for each translation unit, the preprocessor options its compiler invocation uses. Entries have
 * {@code directory}, {@code file} and {@code arguments} (a list) or {@code command} (a shell-quoted
 * string); relative paths are relative to {@code directory}. A file compiled more than once (QEMU
 * builds some sources once per target) keeps its first entry.
 */
public record CompilationDatabase(Path source, Map<Path, FrontendOptions> units) {
  public CompilationDatabase {
    units = Map.copyOf(units);
  }

  /**
   * Reads and checks the whole file; any defect is a {@link ScanException} that names the entry.
   */
  public static CompilationDatabase load(Path file) throws ScanException {
    if (!Files.isRegularFile(file))
      throw new ScanException("compilation database not found: " + file);
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ScanException(
          "bad compilation database " + file + ": not valid JSON: " + JsonMessages.describe(e), e);
    } catch (IOException e) {
      throw new ScanException(IoMessages.cannot("read compilation database", file, e), e);
    }
    if (root == null || !root.isArray()) {
      throw new ScanException(
          "bad compilation database " + file + ": expected a JSON array of entries");
    }
    Path base = file.toAbsolutePath().normalize().getParent();
    Map<Path, FrontendOptions> units = new LinkedHashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      try {
        Path directory = base.resolve(text(entry, "directory")).normalize();
        Path source = directory.resolve(text(entry, "file")).normalize();
        units.putIfAbsent(source, CompilerArguments.parse(arguments(entry), directory));
      } catch (IllegalArgumentException e) {
        throw new ScanException(
            "bad compilation database " + file + ": entry " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new CompilationDatabase(file, units);
  }

  private static String text(JsonNode entry, String field) {
    JsonNode v = entry == null ? null : entry.get(field);
    if (v == null || !v.isTextual())
      throw new IllegalArgumentException("no \"" + field + "\" string");
    return v.asText();
  }

  private static List<String> arguments(JsonNode entry) {
    JsonNode args = entry.get("arguments");
    if (args != null) {
      if (!args.isArray()) throw new IllegalArgumentException("\"arguments\" is not a list");
      List<String> out = new ArrayList<>();
      for (JsonNode a : args) {
        if (!a.isTextual()) throw new IllegalArgumentException("\"arguments\" holds a non-string");
        out.add(a.asText());
      }
      return out;
    }
    JsonNode command = entry.get("command");
    if (command == null || !command.isTextual()) {
      throw new IllegalArgumentException("neither \"arguments\" nor \"command\"");
    }
    return ShellWords.split(command.asText());
  }
}
