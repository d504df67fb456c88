package dev.mrcheck.report;

import com.contrastsecurity.sarif.Artifact;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.RunAutomationDetails;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.Suppression;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import dev.mrcheck.ToolInfo;
import dev.mrcheck.analysis.TraceStep;
import dev.mrcheck.baseline.Baseline;
import dev.mrcheck.baseline.BaselineComparison;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.fix.Fixes;
import dev.mrcheck.fix.SourceTexts;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Fingerprint;
import dev.mrcheck.rules.RuleInfo;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.scan.FileProblem;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.suppress.Suppressed;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * SARIF 2.1.0: one run for the whole scan. Locations are relative to {@code %SRCROOT%}, which
 * {@code originalUriBaseIds} binds to the report's {@link SourceRoot} (the enclosing git
 * repository's root, for GitHub code scanning). Input problems become tool execution notifications.
 * Nothing time- or machine-dependent goes in besides the root, so two scans of the same tree give
 * the same bytes.
 */
public final class SarifReport implements Report {
  public static final String SRCROOT = "%SRCROOT%";

  /**
   * {@code automationDetails.id} prefix; GitHub code scanning takes the id as the analysis
   * category.
   */
  public static final String AUTOMATION_CATEGORY = "mrcheck/";

  private final List<RuleInfo> rules;
  private final HelpPages help;
  private final BaselineComparison baseline;
  private final SourceTexts fixSources;
  private final SourceRoot base;

  /** {@code rules}: the rules that ran (any order; they are listed by id). */
  public SarifReport(List<RuleInfo> rules, HelpPages help) {
    this(rules, help, null, null, null);
  }

  private SarifReport(
      List<RuleInfo> rules,
      HelpPages help,
      BaselineComparison baseline,
      SourceTexts fixSources,
      SourceRoot base) {
    this.rules = rules.stream().sorted(Comparator.comparing(RuleInfo::id)).toList();
    this.help = help;
    this.baseline = baseline;
    this.fixSources = fixSources;
    this.base = base;
  }

  /** {@code %SRCROOT%} is {@code base} instead of the scan root. */
  public SarifReport withBase(SourceRoot base) {
    return new SarifReport(rules, help, baseline, fixSources, base);
  }

  /**
   * With {@code --baseline}: the scan's findings (which then are the new ones) are marked {@code
   * baselineState: new}, the baseline's findings found again are listed as {@code unchanged}, and
   * baseline entries that match nothing any more as {@code absent} results.
   */
  public SarifReport withBaseline(BaselineComparison comparison) {
    return new SarifReport(rules, help, comparison, fixSources, base);
  }

  /** Results carry the mechanical fixes of {@code dev.mrcheck.fix}, computed on these texts. */
  public SarifReport withFixes(SourceTexts sources) {
    return new SarifReport(rules, help, baseline, sources, base);
  }

  @Override
  public void write(ScanResult result, Writer out) throws IOException {
    Json.write(toSarif(result), out);
  }

  public SarifSchema210 toSarif(ScanResult result) {
    return new SarifSchema210()
        .with$schema(URI.create("https://json.schemastore.org/sarif-2.1.0.json"))
        .withVersion(SarifSchema210.Version._2_1_0)
        .withRuns(List.of(run(result)));
  }

  private Run run(ScanResult result) {
    SourceRoot b = base != null ? base : SourceRoot.of(result.root());
    Artifacts artifacts = new Artifacts(result, baseline, b);
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (RuleInfo r : rules) ruleIndex.put(r.id(), ruleIndex.size());
    // Every finding of the tree, visible or not, in location order; then what the baseline lost.
    Map<Finding, Result> byFinding = new java.util.TreeMap<>();
    for (Finding f : result.findings()) {
      Result r =
          result(f, ruleIndex.get(f.ruleId()), artifacts, result.confirmation(f).orElse(null));
      if (baseline != null) r.setBaselineState(Result.BaselineState.NEW);
      byFinding.put(f, r);
    }
    if (baseline != null) {
      for (Finding f : baseline.unchanged()) {
        byFinding.put(
            f,
            result(f, ruleIndex.get(f.ruleId()), artifacts, result.confirmation(f).orElse(null))
                .withBaselineState(Result.BaselineState.UNCHANGED));
      }
    }
    for (Suppressed s : result.suppressions().suppressed()) {
      Finding f = s.finding();
      Suppression inSource =
          new Suppression()
              .withKind(Suppression.Kind.IN_SOURCE)
              .withLocation(location(s.by().loc(), artifacts));
      if (!s.justification().isEmpty()) inSource.setJustification(s.justification());
      byFinding.put(
          f,
          result(f, ruleIndex.get(f.ruleId()), artifacts, result.confirmation(f).orElse(null))
              .withSuppressions(new LinkedHashSet<>(List.of(inSource))));
    }
    List<Result> results = new ArrayList<>(byFinding.values());
    if (baseline != null) {
      for (Baseline.Entry e : baseline.absent()) results.add(absent(e, ruleIndex, artifacts));
    }
    return new Run()
        .withTool(new Tool().withDriver(driver()))
        .withAutomationDetails(
            new RunAutomationDetails().withId(AUTOMATION_CATEGORY + result.semantics() + "/"))
        .withOriginalUriBaseIds(
            new OriginalUriBaseIds()
                .withAdditionalProperty(SRCROOT, new ArtifactLocation().withUri(rootUri(b.dir()))))
        .withArtifacts(artifacts.toSarif())
        .withInvocations(List.of(invocation(result.problems(), artifacts)))
        .withResults(results)
        .withColumnKind(Run.ColumnKind.UTF_16_CODE_UNITS)
        .withProperties(runProperties(result));
  }

  private ToolComponent driver() {
    Set<ReportingDescriptor> descriptors = new LinkedHashSet<>();
    for (RuleInfo r : rules) descriptors.add(descriptor(r));
    return new ToolComponent()
        .withName(ToolInfo.NAME)
        .withVersion(ToolInfo.version())
        .withSemanticVersion(ToolInfo.version())
        .withInformationUri(URI.create(ToolInfo.INFORMATION_URI))
        .withRules(descriptors);
  }

  private ReportingDescriptor descriptor(RuleInfo rule) {
    Optional<String> page = help.markdown(rule.id());
    MultiformatMessageString helpText =
        page.map(md -> new MultiformatMessageString().withText(md).withMarkdown(md))
            .orElseGet(() -> new MultiformatMessageString().withText(rule.description()));
    return new ReportingDescriptor()
        .withId(rule.id())
        .withName(rule.name())
        .withShortDescription(new MultiformatMessageString().withText(rule.summary()))
        .withFullDescription(new MultiformatMessageString().withText(rule.description()))
        .withHelp(helpText)
        .withHelpUri(URI.create(ToolInfo.ruleHelpUri(rule.id())))
        .withDefaultConfiguration(
            new ReportingConfiguration().withLevel(configLevel(rule.severity())))
        .withProperties(ruleProperties(rule));
  }

  /** Tags, and for security rules GitHub's {@code security-severity}, which ranks the alert. */
  private static PropertyBag ruleProperties(RuleInfo rule) {
    PropertyBag p = new PropertyBag().withTags(new LinkedHashSet<>(Arrays.asList(rule.tags())));
    if (!rule.securitySeverity().isEmpty())
      p.setAdditionalProperty("security-severity", rule.securitySeverity());
    return p;
  }

  /** A baseline entry no finding matched: where it was, as the baseline recorded it. */
  private Result absent(Baseline.Entry e, Map<String, Integer> ruleIndex, Artifacts artifacts) {
    Result r =
        new Result()
            .withRuleId(e.rule())
            .withMessage(new Message().withText(e.message()))
            .withLocations(List.of(location(SourceLoc.of(e.file(), e.line(), 0), artifacts)))
            .withPartialFingerprints(
                new PartialFingerprints().withAdditionalProperty(Fingerprint.KEY, e.fingerprint()))
            .withBaselineState(Result.BaselineState.ABSENT);
    Integer index = ruleIndex.get(e.rule());
    if (index != null) {
      r.setRuleIndex(index);
      r.setLevel(resultLevel(rules.get(index).severity()));
    }
    return r;
  }

  /**
   * One SARIF result per finding. The trace becomes relatedLocations; per-result additions
   * (codeFlows from the runtime model) belong here.
   */
  private Result result(
      Finding f, Integer ruleIndex, Artifacts artifacts, Confirmation confirmation) {
    Set<Location> related = new LinkedHashSet<>();
    for (TraceStep step : f.trace()) {
      related.add(
          location(step.loc(), artifacts)
              .withId(related.size())
              .withMessage(new Message().withText(step.message())));
    }
    Result r =
        new Result()
            .withRuleId(f.ruleId())
            .withLevel(resultLevel(f.severity()))
            .withMessage(new Message().withText(f.message()))
            .withLocations(List.of(location(f.loc(), artifacts)))
            .withPartialFingerprints(
                new PartialFingerprints().withAdditionalProperty(Fingerprint.KEY, f.fingerprint()));
    if (ruleIndex != null) r.setRuleIndex(ruleIndex);
    if (!related.isEmpty()) r.setRelatedLocations(related);
    if (confirmation != null) confirm(r, confirmation, artifacts);
    if (fixSources != null)
      Fixes.forFinding(f, fixSources)
          .ifPresent(fix -> r.setFixes(Set.of(SarifFixes.of(fix, artifacts::location))));
    return r;
  }

  /**
   * The runtime model's replay: {@code properties.confirmed}/{@code semantics}/{@code verdict} (and
   * {@code refuted}, why the model found the path infeasible), and for a confirmed finding one code
   * flow whose thread flow walks the replayed steps in lifecycle order (instance_init, realize, run
   * time, unrealize, finalize). Model steps without a source location (the unplug itself) stay in
   * the text and JSON reports: viewers want a place to show.
   */
  private static void confirm(Result r, Confirmation c, Artifacts artifacts) {
    PropertyBag properties =
        new PropertyBag()
            .withAdditionalProperty("confirmed", c.confirmed())
            .withAdditionalProperty("semantics", c.semantics())
            .withAdditionalProperty("verdict", c.verdict());
    if (c.refuted()) properties.withAdditionalProperty("refuted", c.refutation());
    r.setProperties(properties);
    if (!c.confirmed()) return;
    List<ThreadFlowLocation> steps = new ArrayList<>();
    for (TraceEntry e : c.witnessTrace()) {
      if (e.loc() == null) continue;
      steps.add(
          new ThreadFlowLocation()
              .withLocation(
                  location(e.loc(), artifacts).withMessage(new Message().withText(e.message())))
              .withExecutionOrder(steps.size()));
    }
    if (steps.isEmpty()) return;
    r.setCodeFlows(
        List.of(
            new CodeFlow()
                .withMessage(new Message().withText(c.verdict()))
                .withThreadFlows(List.of(new ThreadFlow().withLocations(steps)))));
  }

  private Invocation invocation(List<FileProblem> problems, Artifacts artifacts) {
    List<Notification> notifications = new ArrayList<>();
    for (FileProblem p : problems) {
      notifications.add(
          new Notification()
              .withLevel(Notification.Level.WARNING)
              .withMessage(new Message().withText(p.message()))
              .withLocations(new LinkedHashSet<>(List.of(location(p.loc(), artifacts)))));
    }
    Invocation inv = new Invocation().withExecutionSuccessful(true);
    return notifications.isEmpty() ? inv : inv.withToolExecutionNotifications(notifications);
  }

  private static PropertyBag runProperties(ScanResult result) {
    return new PropertyBag()
        .withAdditionalProperty("semantics", result.semantics())
        .withAdditionalProperty("stats", StableStats.of(result.stats()));
  }

  private static Location location(SourceLoc loc, Artifacts artifacts) {
    PhysicalLocation physical =
        new PhysicalLocation().withArtifactLocation(artifacts.location(loc.file()));
    Region region = region(loc);
    return new Location()
        .withPhysicalLocation(region == null ? physical : physical.withRegion(region));
  }

  /**
   * Null when the location is a whole file (line 0). The end is kept only if it is not before the
   * start.
   */
  private static Region region(SourceLoc loc) {
    if (loc.line() < 1) return null;
    Region r = new Region().withStartLine(loc.line());
    if (loc.column() >= 1) r.setStartColumn(loc.column());
    boolean endAfterStart =
        loc.endLine() > loc.line()
            || (loc.endLine() == loc.line() && loc.endColumn() >= Math.max(loc.column(), 1));
    if (endAfterStart) {
      r.setEndLine(loc.endLine());
      if (loc.endColumn() >= 1) r.setEndColumn(loc.endColumn());
    }
    return r;
  }

  static String rootUri(Path root) {
    String uri = root.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  private static Result.Level resultLevel(Severity s) {
    return switch (s) {
      case ERROR -> Result.Level.ERROR;
      case WARNING -> Result.Level.WARNING;
      case NOTE -> Result.Level.NOTE;
    };
  }

  private static ReportingConfiguration.Level configLevel(Severity s) {
    return switch (s) {
      case ERROR -> ReportingConfiguration.Level.ERROR;
      case WARNING -> ReportingConfiguration.Level.WARNING;
      case NOTE -> ReportingConfiguration.Level.NOTE;
    };
  }

  /** The files a report mentions, sorted, each with its index in {@code run.artifacts}. */
  private static final class Artifacts {
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final SourceRoot base;

    Artifacts(ScanResult result, BaselineComparison baseline, SourceRoot base) {
      this.base = base;
      Set<String> files = new TreeSet<>();
      List<Finding> all = new ArrayList<>(result.findings());
      for (Suppressed s : result.suppressions().suppressed()) {
        all.add(s.finding());
        files.add(s.by().loc().file());
      }
      if (baseline != null) {
        all.addAll(baseline.unchanged());
        for (Baseline.Entry e : baseline.absent()) files.add(e.file());
      }
      for (Finding f : all) {
        files.add(f.loc().file());
        for (TraceStep step : f.trace()) files.add(step.loc().file());
        for (TraceEntry e :
            result.confirmation(f).map(Confirmation::witnessTrace).orElse(List.of())) {
          if (e.loc() != null) files.add(e.loc().file());
        }
      }
      for (FileProblem p : result.problems()) files.add(p.loc().file());
      for (String file : files) index.put(file, index.size());
    }

    ArtifactLocation location(String file) {
      return new ArtifactLocation()
          .withUri(relativeUri(base.path(file)))
          .withUriBaseId(SRCROOT)
          .withIndex(index.get(file));
    }

    Set<Artifact> toSarif() {
      Set<Artifact> artifacts = new LinkedHashSet<>();
      for (String file : index.keySet()) {
        artifacts.add(
            new Artifact()
                .withLocation(
                    new ArtifactLocation()
                        .withUri(relativeUri(base.path(file)))
                        .withUriBaseId(SRCROOT)));
      }
      return artifacts;
    }

    /**
     * A relative URI reference for a '/'-separated path: percent-encoded, never mistaken for a
     * scheme.
     */
    private static String relativeUri(String file) {
      try {
        String encoded = new URI(null, null, file, null).getRawPath();
        int colon = encoded.indexOf(':');
        int slash = encoded.indexOf('/');
        boolean looksLikeScheme = colon >= 0 && (slash < 0 || colon < slash);
        return looksLikeScheme ? "./" + encoded : encoded;
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("cannot express as URI: " + file, e);
      }
    }
  }
}
