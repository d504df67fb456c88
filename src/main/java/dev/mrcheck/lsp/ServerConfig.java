package dev.mrcheck.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.pipeline.AnalysisSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The settings a client sends in {@code initializationOptions} or {@code
 * workspace/didChangeConfiguration}, the same knobs as {@code mrcheck scan}: {@code semantics},
 * {@code rules}, {@code models}, {@code includeDirs}, {@code defines}, {@code compileCommands}. The
 * object may be wrapped in {@code {"mrcheck": {...}}}, as editors namespace their settings.
 * Relative paths are resolved against the first workspace folder. They apply over {@code
 * .mrcheck.yaml} as the command line does ({@link AnalysisSettings#over}).
 */
record ServerConfig(
    Semantics semantics,
    Set<String> rules,
    List<Path> modelFiles,
    List<Path> includeDirs,
    Map<String, String> defines,
    Path compileCommands) {
  /** Nothing set: {@code .mrcheck.yaml} and the defaults decide. */
  static final ServerConfig DEFAULT =
      new ServerConfig(null, Set.of(), List.of(), List.of(), Map.of(), null);

  ServerConfig {
    rules = Set.copyOf(rules);
    modelFiles = List.copyOf(modelFiles);
    includeDirs = List.copyOf(includeDirs);
    defines = Map.copyOf(defines);
  }

  AnalysisSettings settings() {
    return new AnalysisSettings(
        semantics, rules, modelFiles, includeDirs, defines, compileCommands, null);
  }

  /**
   * This configuration with the keys present in {@code settings} replaced. A bad value is reported
   * to {@code warn} and leaves that key as it was: a typo in one setting should not switch the
   * server off.
   */
  ServerConfig merge(Object settings, Path base, Consumer<String> warn) {
    if (!(settings instanceof JsonObject json)) return this;
    if (json.has("mrcheck") && json.get("mrcheck").isJsonObject())
      json = json.getAsJsonObject("mrcheck");
    Semantics sem = semantics;
    Set<String> ruleIds = rules;
    List<Path> models = modelFiles;
    List<Path> includes = includeDirs;
    Map<String, String> defs = defines;
    Path compileDb = compileCommands;
    if (json.has("semantics")) {
      String s = string(json.get("semantics"));
      try {
        sem = Semantics.valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException | NullPointerException e) {
        warn.accept(
            "unknown semantics '"
                + s
                + "' (legacy, current or refcount); keeping "
                + (sem == null ? "the default" : sem.label()));
      }
    }
    if (json.has("rules")) ruleIds = ruleIds(strings(json.get("rules")), warn);
    if (json.has("models")) models = paths(strings(json.get("models")), base);
    if (json.has("includeDirs")) includes = paths(strings(json.get("includeDirs")), base);
    if (json.has("defines")) defs = defines(json.get("defines"));
    if (json.has("compileCommands")) {
      List<Path> db = paths(strings(json.get("compileCommands")), base);
      compileDb = db.isEmpty() ? null : db.get(0);
    }
    return new ServerConfig(sem, ruleIds, models, includes, defs, compileDb);
  }

  private static Set<String> ruleIds(List<String> requested, Consumer<String> warn) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : requested) {
      String canonical =
          ProjectConfigFile.KNOWN_RULES.stream()
              .filter(known -> known.equalsIgnoreCase(id.trim()))
              .findFirst()
              .orElse(null);
      if (canonical == null) warn.accept("unknown rule id '" + id + "' ignored");
      else out.add(canonical);
    }
    return out;
  }

  private static List<Path> paths(List<String> raw, Path base) {
    List<Path> out = new ArrayList<>();
    for (String s : raw) {
      Path p = Path.of(s);
      out.add((p.isAbsolute() || base == null ? p : base.resolve(p)).toAbsolutePath().normalize());
    }
    return out;
  }

  /** {@code {"NAME": "VALUE"}} or {@code ["NAME=VALUE", "NAME"]}, as {@code -D} takes them. */
  private static Map<String, String> defines(JsonElement e) {
    Map<String, String> out = new LinkedHashMap<>();
    if (e.isJsonObject()) {
      for (Map.Entry<String, JsonElement> d : e.getAsJsonObject().entrySet()) {
        String v = string(d.getValue());
        out.put(d.getKey(), v == null ? "1" : v);
      }
      return out;
    }
    for (String d : strings(e)) {
      int eq = d.indexOf('=');
      if (eq < 0) out.put(d, "1");
      else out.put(d.substring(0, eq), d.substring(eq + 1));
    }
    return out;
  }

  private static List<String> strings(JsonElement e) {
    List<String> out = new ArrayList<>();
    if (e == null || e.isJsonNull()) return out;
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      for (JsonElement x : a) if (string(x) != null) out.add(string(x));
    } else if (string(e) != null) {
      for (String part : string(e).split(",")) if (!part.isBlank()) out.add(part.trim());
    }
    return out;
  }

  private static String string(JsonElement e) {
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }
}
