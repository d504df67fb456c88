package dev.mrcheck.config;

import dev.mrcheck.io.IoMessages;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Severity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds and reads {@code .mrcheck.yaml}. The file is read as a YAML node tree, not bound to
 * objects, so every error names the line it is on: unknown keys, wrong shapes, unknown rule ids or
 * severities, missing model files. A bad file stops the scan (exit 2): a silently ignored setting
 * is worse than none.
 */
public final class ConfigLoader {
  private static final List<String> KEYS =
      List.of(
          "semantics",
          "rules",
          "severity",
          "models",
          "includeDirs",
          "defines",
          "exclude",
          "compileCommands",
          "maxFileSize");

  private final Set<String> knownRules;

  /** {@code knownRules}: canonical ids of the rules a config may name. */
  public ConfigLoader(Set<String> knownRules) {
    this.knownRules = Set.copyOf(knownRules);
  }

  /** The nearest {@code .mrcheck.yaml} in {@code start} or one of its parents. */
  public static Optional<Path> find(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(ProjectConfig.FILE_NAME);
      if (Files.isRegularFile(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  /**
   * The nearest {@code .mrcheck.yaml} for a scan of {@code paths}: from the first path's directory
   * (the path itself when it is one) upwards. The CLI and the language server look alike.
   */
  public static Optional<Path> findFor(List<Path> paths) {
    if (paths.isEmpty()) return Optional.empty();
    Path first = paths.get(0).toAbsolutePath().normalize();
    Path dir = Files.isDirectory(first) ? first : first.getParent();
    return dir == null ? Optional.empty() : find(dir);
  }

  public ProjectConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new ConfigException(file, file + " is not valid UTF-8 (save it as UTF-8)");
    } catch (IOException e) {
      throw new ConfigException(file, IoMessages.cannot("read", file, e));
    }
    return parse(file, text);
  }

  ProjectConfig parse(Path file, String text) throws ConfigException {
    return new Reading(file).read(new StringReader(text));
  }

  /** One file being read: knows its name and base directory for messages and paths. */
  private final class Reading {
    private final Path file;
    private final Path base;

    Reading(Path file) {
      this.file = file;
      this.base = file.toAbsolutePath().normalize().getParent();
    }

    ProjectConfig read(Reader in) throws ConfigException {
      Node root;
      try {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        root = new Yaml(options).compose(in);
      } catch (MarkedYAMLException e) {
        int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
        throw new ConfigException(file, line, "not valid YAML: " + e.getProblem());
      } catch (YAMLException e) {
        throw new ConfigException(file, 1, "not valid YAML: " + e.getMessage());
      }
      Semantics semantics = null;
      Set<String> rules = Set.of();
      Map<String, Severity> severities = Map.of();
      List<Path> models = List.of();
      List<Path> includeDirs = List.of();
      Map<String, String> defines = Map.of();
      List<String> exclude = List.of();
      Path compileCommands = null;
      Long maxFileSize = null;
      if (root == null) {
        return new ProjectConfig(
            file, null, rules, severities, models, includeDirs, defines, exclude, null);
      }
      if (!(root instanceof MappingNode map))
        throw error(root, "expected a mapping of settings (" + keys() + ")");
      Set<String> seen = new HashSet<>();
      for (NodeTuple t : map.getValue()) {
        String key = scalar(t.getKeyNode(), "a setting name");
        Node value = t.getValueNode();
        if (!seen.add(key)) throw error(t.getKeyNode(), "'" + key + "' is set twice");
        switch (key) {
          case "semantics" ->
              semantics = choice(value, "semantics", Semantics::label, Semantics.values());
          case "rules" -> rules = ruleIds(value);
          case "severity" -> severities = severities(value);
          case "models" -> models = paths(value, "models", true);
          case "includeDirs" -> includeDirs = paths(value, "includeDirs", false);
          case "defines" -> defines = defines(value);
          case "exclude" -> exclude = globs(value);
          case "compileCommands" -> compileCommands = path(value, "compileCommands");
          case "maxFileSize" -> maxFileSize = size(value);
          default ->
              throw error(
                  t.getKeyNode(),
                  "unknown setting '" + key + "'" + suggestion(key) + " (known: " + keys() + ")");
        }
      }
      return new ProjectConfig(
          file,
          semantics,
          rules,
          severities,
          models,
          includeDirs,
          defines,
          exclude,
          compileCommands,
          maxFileSize);
    }

    private Long size(Node value) throws ConfigException {
      String raw = scalar(value, "a size");
      Long bytes = SourceReader.parseSize(raw);
      if (bytes == null || bytes < 1 || bytes > SourceReader.LARGEST_MAX_BYTES) {
        throw error(
            value,
            "bad maxFileSize '" + raw + "': expected a size such as 16M, 512K or 1G (at most 2G)");
      }
      return bytes;
    }

    private Set<String> ruleIds(Node value) throws ConfigException {
      Set<String> out = new LinkedHashSet<>();
      for (Node n : list(value, "rules")) out.add(ruleId(n));
      return out;
    }

    private String ruleId(Node n) throws ConfigException {
      String id = scalar(n, "a rule id");
      return knownRules.stream()
          .filter(k -> k.equalsIgnoreCase(id.trim()))
          .findFirst()
          .orElseThrow(
              () ->
                  error(
                      n,
                      "unknown rule id '"
                          + id
                          + "' (known: "
                          + knownRules.stream().sorted().collect(Collectors.joining(", "))
                          + ")"));
    }

    private Map<String, Severity> severities(Node value) throws ConfigException {
      if (!(value instanceof MappingNode map))
        throw error(value, "'severity' maps rule ids to error, warning or note");
      Map<String, Severity> out = new LinkedHashMap<>();
      for (NodeTuple t : map.getValue()) {
        out.put(
            ruleId(t.getKeyNode()),
            choice(t.getValueNode(), "severity", Severity::label, Severity.values()));
      }
      return out;
    }

    private Map<String, String> defines(Node value) throws ConfigException {
      Map<String, String> out = new LinkedHashMap<>();
      if (value instanceof MappingNode map) {
        for (NodeTuple t : map.getValue()) {
          String name = scalar(t.getKeyNode(), "a macro name");
          if (!MacroDefinition.isName(name))
            throw error(t.getKeyNode(), "bad macro name '" + name + "'");
          out.put(
              name,
              t.getValueNode() instanceof ScalarNode s && !s.getValue().isEmpty()
                  ? s.getValue()
                  : "1");
        }
        return out;
      }
      for (Node n : list(value, "defines")) {
        var macro = MacroDefinition.parse(scalar(n, "NAME or NAME=VALUE"));
        if (macro.isEmpty())
          throw error(
              n, "bad define '" + ((ScalarNode) n).getValue() + "': expected NAME or NAME=VALUE");
        out.put(macro.get().getKey(), macro.get().getValue());
      }
      return out;
    }

    private List<String> globs(Node value) throws ConfigException {
      List<String> out = new ArrayList<>();
      for (Node n : list(value, "exclude")) {
        String glob = scalar(n, "a glob");
        try {
          base.getFileSystem().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
          throw error(n, "bad glob '" + glob + "': " + e.getMessage());
        }
        out.add(glob);
      }
      return out;
    }

    private List<Path> paths(Node value, String key, boolean mustBeFile) throws ConfigException {
      List<Path> out = new ArrayList<>();
      for (Node n : list(value, key)) {
        Path p = path(n, key);
        if (mustBeFile && !Files.isRegularFile(p)) throw error(n, "model file not found: " + p);
        out.add(p);
      }
      return out;
    }

    private Path path(Node n, String key) throws ConfigException {
      String raw = scalar(n, "a path");
      try {
        return base.resolve(raw).normalize();
      } catch (InvalidPathException e) {
        throw error(n, "bad path in '" + key + "': " + raw);
      }
    }

    /**
     * A sequence, or for convenience a single scalar ({@code rules: MR002} or {@code rules: MR001,
     * MR002}).
     */
    private List<Node> list(Node value, String key) throws ConfigException {
      if (value instanceof SequenceNode seq) return seq.getValue();
      if (value instanceof ScalarNode s && key.equals("rules")) {
        List<Node> out = new ArrayList<>();
        for (String part : s.getValue().split(",")) {
          if (!part.isBlank())
            out.add(
                new ScalarNode(
                    s.getTag(), part.trim(), s.getStartMark(), s.getEndMark(), s.getScalarStyle()));
        }
        return out;
      }
      if (value instanceof ScalarNode) return List.of(value);
      throw error(value, "'" + key + "' expects a list");
    }

    private String scalar(Node n, String what) throws ConfigException {
      if (n instanceof ScalarNode s) return s.getValue();
      throw error(
          n, "expected " + what + ", found a " + (n instanceof MappingNode ? "mapping" : "list"));
    }

    private <E> E choice(Node n, String key, Function<E, String> label, E[] values)
        throws ConfigException {
      String v = scalar(n, "a value for '" + key + "'").trim();
      for (E e : values) if (label.apply(e).equalsIgnoreCase(v)) return e;
      throw error(
          n,
          "bad "
              + key
              + " '"
              + v
              + "' (expected "
              + Arrays.stream(values).map(label).collect(Collectors.joining(", "))
              + ")");
    }

    private ConfigException error(Node at, String message) {
      return new ConfigException(file, at.getStartMark().getLine() + 1, message);
    }
  }

  private static String keys() {
    return String.join(", ", KEYS);
  }

  /**
   * "did you mean" for a key that differs only in case or separators (include_dirs,
   * compile-commands).
   */
  private static String suggestion(String key) {
    String squashed = key.replaceAll("[-_]", "").toLowerCase(Locale.ROOT);
    for (String k : KEYS)
      if (k.toLowerCase(Locale.ROOT).equals(squashed)) return " (did you mean '" + k + "'?)";
    if (squashed.equals("include") || squashed.equals("includes"))
      return " (did you mean 'includeDirs'?)";
    if (squashed.equals("model")) return " (did you mean 'models'?)";
    return "";
  }
}
