package dev.mrcheck.selftest;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.scan.ScanResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the analyzer with the runtime model on one program, per semantics and language.
 * Straight-line programs must agree exactly; on branching programs every finding must be one the
 * model reproduces on some path, and what the analyzer misses is counted, not failed.
 */
public final class SelfCheck {
  private final ModelOracle oracle;
  private final Set<String> rules;
  private final AnalyzerRunner analyzer;
  private final List<Semantics> semantics;
  private final List<String> languages;

  public SelfCheck(AnalyzerRunner analyzer, List<Semantics> semantics, List<String> languages) {
    this(analyzer, semantics, languages, RuleOracles.TABLE);
  }

  public SelfCheck(
      AnalyzerRunner analyzer,
      List<Semantics> semantics,
      List<String> languages,
      List<RuleOracle> table) {
    this.oracle = new ModelOracle(table);
    this.rules = new LinkedHashSet<>(table.stream().map(RuleOracle::ruleId).toList());
    this.analyzer = analyzer;
    this.semantics = List.copyOf(semantics);
    this.languages = List.copyOf(languages);
  }

  /** The comparison under one semantics in one language. */
  public record Comparison(
      String language,
      Semantics semantics,
      Set<Violation> model,
      Set<Violation> analyzer,
      boolean exact,
      ModelOracle.Result modelRun,
      ScanResult scan) {
    /** Model violations the analyzer did not report. */
    public Set<Violation> missed() {
      Set<Violation> m = new TreeSet<>(model);
      m.removeAll(analyzer);
      return m;
    }

    /** Findings the model does not reproduce on any path, at lines the model executed. */
    public Set<Violation> extra() {
      Set<Violation> e = new TreeSet<>(analyzer);
      e.removeAll(model);
      e.removeIf(v -> !judged(v));
      return e;
    }

    /**
     * Findings at lines the model never reached in any scenario (e.g. instance_finalize of a device
     * that leaks): the model cannot judge them, so they count neither way.
     */
    public Set<Violation> unjudged() {
      Set<Violation> u = new TreeSet<>(analyzer);
      u.removeAll(model);
      u.removeIf(this::judged);
      return u;
    }

    private boolean judged(Violation v) {
      return modelRun.executed(
          v.line(), RuleOracles.byId(v.ruleId()).map(RuleOracle::phase).orElse(null));
    }

    /**
     * A disagreement: any difference on a straight-line program, an unreproduced finding on a
     * branching one. A program that uses a region before any init on some path is not judged: C
     * leaves that undefined, and the model skips such calls.
     */
    public boolean disagrees() {
      if (modelRun.malformed()) return false;
      return !extra().isEmpty() || exact && !missed().isEmpty();
    }
  }

  /** All comparisons of one program. */
  public record Report(
      DeviceProgram program, Map<String, RenderedSource> sources, List<Comparison> comparisons) {
    public boolean disagrees() {
      return comparisons.stream().anyMatch(Comparison::disagrees);
    }

    /**
     * The disagreements in {@code language}, named so that renderings can be compared: "rule kind
     * semantics #n" where n is the statement's place in the program (lines differ between
     * languages).
     */
    public Set<String> disagreements(String language) {
      Set<String> out = new TreeSet<>();
      RenderedSource src = sources.get(language);
      if (src == null) return out;
      Map<Integer, Integer> ordinals = ordinals(src);
      for (Comparison c : comparisons) {
        if (!c.language().equals(language) || !c.disagrees()) continue;
        for (Violation v : c.extra()) out.add(key(v, "extra", c, ordinals));
        if (c.exact()) for (Violation v : c.missed()) out.add(key(v, "missed", c, ordinals));
      }
      return out;
    }

    private static String key(
        Violation v, String kind, Comparison c, Map<Integer, Integer> ordinals) {
      return v.ruleId()
          + " "
          + kind
          + " "
          + c.semantics().label()
          + " #"
          + ordinals.getOrDefault(v.line(), -v.line());
    }

    /**
     * Rendered line to the statement's place in program order (hooks in lifecycle order, helpers,
     * run-time code).
     */
    private Map<Integer, Integer> ordinals(RenderedSource src) {
      // Run-time statements included: otherwise their disagreements are keyed by lines, which
      // differ per language.
      List<DeviceProgram.Stmt> order = program.statements();
      Map<Integer, Integer> out = new HashMap<>();
      for (int i = 0; i < order.size(); i++) {
        Integer line = src.lines().get(order.get(i));
        if (line != null) out.put(line, i);
      }
      return out;
    }

    public String describe() {
      StringBuilder b = new StringBuilder();
      for (RenderedSource s : sources.values()) {
        b.append("---- ").append(s.fileName()).append('\n');
        String[] lines = s.text().split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++)
          b.append(String.format("%4d  %s%n", i + 1, lines[i]));
      }
      for (Comparison c : comparisons) {
        if (!c.disagrees()) continue;
        b.append(
            String.format(
                "---- %s, %s semantics (%s): model %s, analyzer %s; missed %s, extra %s%n",
                c.language(),
                c.semantics().label(),
                c.exact() ? "straight-line: exact" : "branching: no extra",
                c.model(),
                c.analyzer(),
                c.missed(),
                c.extra()));
        for (Violation v : c.missed()) {
          b.append("  model trace for ")
              .append(v)
              .append(": ")
              .append(c.modelRun().witnesses().get(v).describe());
        }
        c.scan().findings().stream()
            .filter(f -> c.extra().contains(new Violation(f.ruleId(), f.loc().line())))
            .forEach(
                f ->
                    b.append("  analyzer: ")
                        .append(f.ruleId())
                        .append(" line ")
                        .append(f.loc().line())
                        .append(": ")
                        .append(f.message())
                        .append('\n'));
        if (!c.extra().isEmpty() && c.missed().isEmpty()) {
          b.append(
              "  the model saw no violation of these rules; its first path of each scenario:\n");
          for (ModelOracle.Witness w : c.modelRun().firstPaths())
            b.append("  model trace: ").append(w.describe());
        }
      }
      return b.toString();
    }
  }

  public Report check(DeviceProgram program) throws ScanException {
    Map<String, RenderedSource> sources = new LinkedHashMap<>();
    List<Comparison> out = new ArrayList<>();
    Map<Semantics, ModelOracle.Result> modelRuns = new EnumMap<>(Semantics.class);
    for (String language : languages) {
      if (!RENDERERS.get(language).renders(program)) continue;
      // The read handler and the factory-made object have no Java rendering yet: C only.
      DeviceProgram rendered = language.equals("c") ? program : program.withoutCOnlyParts();
      RenderedSource src = render(language, rendered);
      sources.put(language, src);
      AnalyzerRunner.Session session = analyzer.session(List.of(src));
      for (Semantics sem : semantics) {
        // The model's lines are the rendering's: run it per language (cheap next to a scan).
        ModelOracle.Result model = oracle.run(rendered, src, sem);
        modelRuns.putIfAbsent(sem, model);
        ScanResult scan = session.scan(sem);
        out.add(
            new Comparison(
                language,
                sem,
                model.violations(),
                AnalyzerRunner.violations(scan, rules),
                !program.branching(),
                model,
                scan));
      }
    }
    return new Report(program, sources, out);
  }

  /** The renderings, by the name {@code --language} takes: C, and Java in each binding style. */
  public static final Map<String, Renderer> RENDERERS = renderers();

  /** Shorthands for several renderings. */
  private static final Map<String, List<String>> GROUPS =
      Map.of(
          "java", List.of(JavaFacadeRenderer.LANGUAGE, JavaFfmRenderer.LANGUAGE),
          "all", List.copyOf(RENDERERS.keySet()));

  private static Map<String, Renderer> renderers() {
    Map<String, Renderer> m = new LinkedHashMap<>();
    m.put("c", new CRenderer());
    m.put(JavaFacadeRenderer.LANGUAGE, new JavaFacadeRenderer());
    m.put(JavaFfmRenderer.LANGUAGE, new JavaFfmRenderer());
    return Collections.unmodifiableMap(m);
  }

  /**
   * The renderings {@code names} ask for, in order and without repeats: a rendering's name, or
   * {@code java} (both binding styles) or {@code all}.
   *
   * @throws IllegalArgumentException on a name that is neither
   */
  public static List<String> languages(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    for (String n : names) {
      String name = n.strip().toLowerCase(Locale.ROOT);
      if (RENDERERS.containsKey(name)) out.add(name);
      else if (GROUPS.containsKey(name)) out.addAll(GROUPS.get(name));
      else
        throw new IllegalArgumentException(
            "unknown language '"
                + n
                + "' (known: "
                + String.join(", ", RENDERERS.keySet())
                + ", java = both Java styles, all)");
    }
    return List.copyOf(out);
  }

  static RenderedSource render(String language, DeviceProgram program) {
    Renderer r = RENDERERS.get(language);
    if (r == null) throw new IllegalArgumentException("no renderer for language " + language);
    return r.render(program);
  }
}
