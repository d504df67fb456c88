package dev.mrcheck.scan;

import dev.mrcheck.analysis.AnalysisResult;
import dev.mrcheck.analysis.Analyzer;
import dev.mrcheck.analysis.CallGraph;
import dev.mrcheck.analysis.Program;
import dev.mrcheck.analysis.ReplayCache;
import dev.mrcheck.analysis.RuntimeStates;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.confirm.Confirmer;
import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.ParseProblem;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.ModelException;
import dev.mrcheck.model.ModelLoader;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.FingerprintOrdinals;
import dev.mrcheck.rules.PathGuards;
import dev.mrcheck.rules.Rule;
import dev.mrcheck.rules.Rules;
import dev.mrcheck.suppress.Suppression;
import dev.mrcheck.suppress.Suppressions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scan: finds files, reads them once for a lexical index, parses only the files that can
 * matter (they call the modelled API or a function that reaches it; found by a fixpoint over
 * rounds), builds the program, replays lifecycles, runs the rules.
 */
public final class Scanner {
  /**
   * Stack of the threads that parse and lower: enough for the deepest nesting a frontend accepts
   * ({@link dev.mrcheck.frontend.InputScreen#MAX_NESTING}) with room to spare. Only the pages a
   * deep file touches are committed.
   */
  static final long PARSE_STACK_BYTES = 64L << 20;

  private final SourceDiscovery.Lister lister;

  public Scanner() {
    this(SourceDiscovery.DISK);
  }

  /** Tests give a lister that fails for one directory: as root, no permission bit can. */
  Scanner(SourceDiscovery.Lister lister) {
    this.lister = lister;
  }

  /**
   * The analysis followed by the findings pipeline's stages that the request decides ({@link
   * RequestStages}: refuted findings dropped unless kept, suppression comments applied): what a
   * library caller wants.
   */
  public ScanResult scan(ScanRequest request) throws ScanException {
    return scan(request, ScanOverlay.NONE);
  }

  /**
   * As {@link #scan(ScanRequest)}, with editor buffers read instead of the disk and parses reused.
   */
  public ScanResult scan(ScanRequest request, ScanOverlay overlay) throws ScanException {
    return RequestStages.run(
        analyze(request, overlay, ScanListener.NONE), request.keepUnconfirmed(), request.rules());
  }

  /** The analysis alone: see {@link #analyze(ScanRequest, ScanOverlay, ScanListener)}. */
  public ScanResult analyze(ScanRequest request) throws ScanException {
    return analyze(request, ScanOverlay.NONE, ScanListener.NONE);
  }

  /**
   * Every finding the rules make, each with the runtime model's confirmation of its witness, and
   * the suppression comments read, none applied yet: the input of the findings pipeline ({@code
   * FindingsPipeline}, in package pipeline). {@code overlay}: editor buffers read instead of the
   * disk, and parses reused (LSP); {@code listener} hears how far it is.
   */
  public ScanResult analyze(ScanRequest request, ScanOverlay overlay, ScanListener listener)
      throws ScanException {
    return analyze(request, overlay, listener, null);
  }

  /**
   * As {@link #analyze(ScanRequest, ScanOverlay, ScanListener)}, reusing and filling {@code
   * persistent}, the on-disk cache (null: none); only a scan without editor buffers uses it.
   */
  public ScanResult analyze(
      ScanRequest request, ScanOverlay overlay, ScanListener listener, PersistentCache persistent)
      throws ScanException {
    long start = System.nanoTime();
    PhaseTimer timer = new PhaseTimer();
    listener.phase("loading the API model");
    ScanCache cache = overlay.cache();
    if (cache != null) cache.startScan();
    // With the on-disk cache the model is loaded only when the result is not there: its files'
    // contents are in the key, and a model that failed to load left no result.
    ApiModel model = persistent == null ? loadModel(request, cache) : null;
    List<Frontend> defaults = Frontends.create(request.frontendOptions(), request.paths());
    Path root = SourceDiscovery.root(request.paths()).toAbsolutePath().normalize();
    List<FileProblem> problems = new ArrayList<>();
    List<Path> found = ScannedFiles.discover(request, defaults, overlay, root, problems, lister);
    List<Frontend> frontends = defaults;
    Map<Path, FrontendOptions> perFile = Map.of();
    if (request.compilationDatabase() != null) {
      BuildSelection build =
          BuildSelection.of(
              request.compilationDatabase(),
              found,
              request.paths(),
              root,
              Frontends.c(defaults)::accepts,
              request.frontendOptions());
      found = build.files();
      problems.addAll(build.problems());
      frontends = Frontends.create(request.frontendOptions(), build.options(), request.paths());
      perFile = build.options();
    }
    List<Path> files = ScannedFiles.withUnsaved(found, request.paths(), overlay, frontends);
    if (files.isEmpty()) throw ScannedFiles.nothingToScan(request, problems);
    timer.mark("discovery");
    listener.filesFound(files.size());
    Frontend c = Frontends.c(frontends);
    PersistentCache.Run run =
        persistent == null || !overlay.texts().isEmpty() || overlay.cache() != null
            ? null
            : persistent.begin(request, root, files, perFile, name -> c.accepts(name));
    if (persistent != null && cache != null && !overlay.diskUnchanged()) {
      // The language server's scans that read the disk (the first index above all): parses come
      // from the on-disk cache, which a CLI scan of the same root or an earlier server filled.
      PersistentCache.IrCache disk = persistent.irCache(request, perFile, name -> c.accepts(name));
      if (disk != null) overlay = overlay.withDiskParses(disk);
    }
    int jobs = Math.max(1, request.jobs());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            jobs,
            r -> {
              // Parsers and lowerings recurse once per nesting level: a deep expression needs a
              // deep stack.
              Thread t = new Thread(null, r, "mrcheck-parse", PARSE_STACK_BYTES);
              t.setDaemon(true);
              return t;
            });
    try {
      listener.phase("reading");
      Map<Path, SourceText> texts;
      if (run != null) {
        run.survey(pool, problems, listener, request.maxFileSize());
        ScanResult kept = run.cachedResult(problems, start);
        if (kept != null) {
          timer.mark("read+cache");
          listener.profile(cachedProfile(timer, kept));
          return kept;
        }
        texts = run.texts();
        overlay = overlay.withPersistent(run);
      } else {
        texts =
            SourceReads.readAll(
                files, root, pool, problems, overlay, listener, request.maxFileSize());
      }
      if (model == null) model = loadModel(request, cache);
      List<FileProblem> readProblems = List.copyOf(problems);
      if (cache != null) {
        Set<Path> kept = new HashSet<>();
        for (Path f : texts.keySet()) kept.add(f.toAbsolutePath().normalize());
        cache.retainTexts(kept);
      }
      timer.mark("read+index");
      Map<Path, TranslationUnit> units = new TreeMap<>();
      listener.phase("parsing");
      List<Integer> rounds = new ArrayList<>();
      boolean[] roundsKept = {false};
      CallGraph graph =
          parseRelevant(
              texts, units, frontends, model, pool, overlay, listener, rounds, run, roundsKept);
      timer.mark("parse");
      List<TranslationUnit> parsed = new ArrayList<>(units.values());
      parsed.add(LexicalUnit.of(texts, units, model));
      listener.phase("analysis");
      Program program = cache != null ? cache.program(parsed) : new Program(parsed, Map.of());
      timer.mark("program");
      ReplayCache replays = cache != null ? cache.replays() : new ReplayCache();
      AnalysisResult analysis =
          new Analyzer(program, model, request.semantics(), graph, replays, jobs)
              .onDisk(run == null ? null : run.replays())
              .analyze();
      timer.mark("analysis");
      if (cache != null) {
        timer.note(
            "incremental: "
                + cache.lastParsed()
                + " files parsed, call graph "
                + (cache.lastKeptCallGraph() ? "kept" : "rebuilt")
                + ", "
                + cache.replays().lastReplayed()
                + " replays run, "
                + cache.replays().lastReused()
                + " reused, "
                + cache.replays().lastFactsRead()
                + " functions read");
      }
      timer.note(
          "replays: "
              + analysis.devices().size()
              + " types, "
              + analysis.runtimeRoots()
              + " run-time roots ("
              + analysis.runtimeStates().invocations()
              + " callback replays to a fixpoint of device states, "
              + analysis.runtimeStates().budgetHits()
              + " new states over the budget of "
              + RuntimeStates.MAX_STATES
              + " a device), "
              + analysis.truncatedReplays()
              + " over budget");
      listener.phase("rules");
      List<Finding> findings = runRules(analysis, request.rules());
      timer.mark("rules");
      listener.phase("confirmation");
      Map<Finding, Confirmation> confirmations = confirm(findings, request.semantics(), cache);
      timer.mark("confirm");
      List<Suppression> comments = new ArrayList<>();
      for (SourceText t : texts.values()) comments.addAll(t.suppressions());
      long lines = 0;
      int dropped = 0;
      int inactive = 0;
      int recovered = 0;
      int parseProblems = 0;
      for (TranslationUnit tu : units.values()) {
        lines += tu.lines();
        dropped += (int) tu.droppedFunctions();
        inactive += tu.inactiveFunctions();
        recovered += tu.recoveredFunctions();
        parseProblems += tu.problems().size();
        for (ParseProblem p : tu.problems()) problems.add(new FileProblem(p.loc(), describe(p)));
      }
      problems.sort((a, b) -> a.loc().compareTo(b.loc()));
      ScanStats stats =
          new ScanStats(
              files.size(),
              units.size(),
              lines,
              program.functionCount(),
              dropped,
              parseProblems,
              (System.nanoTime() - start) / 1_000_000,
              inactive,
              recovered);
      listener.profile(
          new ScanProfile(
              timer.phases(),
              files.size(),
              texts.size(),
              units.size(),
              lines,
              rounds,
              program.functionCount(),
              analysis.relevantFunctions(),
              replays.lastReplayed(),
              analysis.runtimeStates().invocations(),
              analysis.runtimeStates().budgetHits(),
              confirmations.size(),
              findings.size(),
              roundsKept[0]));
      ScanResult result =
          new ScanResult(
              root,
              request.semantics().label(),
              findings,
              problems,
              stats,
              confirmations,
              new Suppressions(comments, List.of()));
      if (run != null) run.finish(result, units.keySet(), readProblems);
      return result;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The profile of a scan whose result the on-disk cache held: nothing was parsed or analyzed. */
  private static ScanProfile cachedProfile(PhaseTimer timer, ScanResult kept) {
    ScanStats s = kept.stats();
    return new ScanProfile(
        timer.phases(),
        s.filesFound(),
        0,
        0,
        0,
        List.of(),
        s.functions(),
        0,
        0,
        0,
        0,
        0,
        kept.findings().size(),
        false);
  }

  /** The source files under the scanned paths, as a scan of {@code request} finds them. */
  public static List<Path> sourceFiles(ScanRequest request) throws ScanException {
    return ScannedFiles.sourceFiles(request);
  }

  private static ApiModel loadModel(ScanRequest request, ScanCache cache) throws ScanException {
    try {
      return cache != null
          ? cache.model(request.modelFiles())
          : ModelLoader.load(request.modelFiles());
    } catch (ModelException e) {
      throw new ScanException(e.getMessage(), e);
    }
  }

  private static String describe(ParseProblem p) {
    return p.droppedFunction() != null
        ? "function "
            + p.droppedFunction()
            + " could not be parsed and is not analyzed: "
            + p.message()
        : p.message();
  }

  /**
   * Parses in rounds: first the files that call a modelled function, then the files that call a
   * function found to reach the API, until no new file qualifies.
   */
  private static CallGraph parseRelevant(
      Map<Path, SourceText> texts,
      Map<Path, TranslationUnit> units,
      List<Frontend> frontends,
      ApiModel model,
      ExecutorService pool,
      ScanOverlay overlay,
      ScanListener listener,
      List<Integer> rounds,
      PersistentCache.Run run,
      boolean[] roundsKept)
      throws ScanException {
    ScanCache cache = overlay.cache();
    ScanCache.Relevance before = cache == null ? null : cache.relevance();
    if (before != null && keepRelevance(before, texts, units, frontends, overlay)) {
      cache.setRelevance(
          new ScanCache.Relevance(new HashMap<>(texts), new HashMap<>(units), before.graph()),
          true);
      return before.graph();
    }
    units.clear();
    // Parses made for a plan that no longer holds: the rounds take them instead of parsing again.
    Map<Path, TranslationUnit> ready = new HashMap<>();
    if (run != null) {
      PersistentCache.RelevancePlan plan = run.relevancePlan(texts);
      if (plan != null
          && parsePlanned(plan, run, texts, units, frontends, pool, overlay, listener)) {
        rounds.addAll(plan.rounds());
        roundsKept[0] = true;
        run.keepRelevance(texts, units.keySet(), rounds); // the edited files' digests now
        return new CallGraph(new Program(new ArrayList<>(units.values()), Map.of()), model);
      }
      ready.putAll(units);
      units.clear();
    }
    CallGraph graph =
        fixpoint(texts, units, frontends, model, pool, overlay, listener, rounds, ready);
    if (cache != null)
      cache.setRelevance(
          new ScanCache.Relevance(new HashMap<>(texts), new HashMap<>(units), graph), false);
    if (run != null) run.keepRelevance(texts, units.keySet(), rounds);
    return graph;
  }

  /**
   * Parses the files an earlier fixpoint over the same lexical facts parsed, in one go, and tells
   * whether the fixpoint would parse them again: it would if every file whose content changed since
   * calls, declares and stores into fields what its earlier parse did ({@link
   * ScanCache#sameCalls}), since the rounds read nothing else of the parsed files. Then the call
   * graph over them is the one the last round would build.
   */
  private static boolean parsePlanned(
      PersistentCache.RelevancePlan plan,
      PersistentCache.Run run,
      Map<Path, SourceText> texts,
      Map<Path, TranslationUnit> units,
      List<Frontend> frontends,
      ExecutorService pool,
      ScanOverlay overlay,
      ScanListener listener)
      throws ScanException {
    Map<String, Path> byName = new HashMap<>();
    for (Path p : texts.keySet()) byName.put(p.toString(), p);
    List<Path> files = new ArrayList<>();
    for (String name : plan.paths()) {
      Path p = byName.get(name);
      if (p == null) return false;
      files.add(p);
    }
    List<Future<TranslationUnit>> futures = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path p = files.get(i);
      SourceFile sf = texts.get(p).file();
      Frontend fe = frontendFor(frontends, p);
      String was = plan.contentDigests().get(i);
      futures.add(
          pool.submit(
              () -> {
                TranslationUnit tu = overlay.parse(fe, sf);
                listener.fileDone();
                if (was.equals(run.contentDigest(p))) return tu;
                TranslationUnit earlier = run.keptParse(sf, was);
                return earlier != null && ScanCache.sameCalls(earlier, tu) ? tu : null;
              }));
    }
    boolean same = true;
    for (int i = 0; i < files.size(); i++) {
      TranslationUnit tu = await(futures.get(i));
      if (tu == null) same = false;
      else units.put(files.get(i), tu);
    }
    return same;
  }

  /**
   * The last scan's parsed files and call graph still hold if every changed file calls and declares
   * the same names (so it joins the same fixpoint round, or none) and, if it was parsed, its
   * functions call the same names (so the call graph is the same). Only the changed parsed files
   * are re-parsed.
   */
  private static boolean keepRelevance(
      ScanCache.Relevance before,
      Map<Path, SourceText> texts,
      Map<Path, TranslationUnit> units,
      List<Frontend> frontends,
      ScanOverlay overlay) {
    if (!before.texts().keySet().equals(texts.keySet())) return false;
    for (Map.Entry<Path, SourceText> e : texts.entrySet()) {
      SourceText was = before.texts().get(e.getKey());
      SourceText now = e.getValue();
      TranslationUnit old = before.units().get(e.getKey());
      if (was != now) {
        if (!was.index().calledNames.equals(now.index().calledNames)
            || !was.index().declaredNames.equals(now.index().declaredNames)) return false;
        if (old == null) continue;
        TranslationUnit tu = overlay.parse(frontendFor(frontends, e.getKey()), now.file());
        if (!ScanCache.sameCalls(old, tu)) return false;
        old = tu;
      }
      if (old != null) units.put(e.getKey(), old);
    }
    return true;
  }

  private static Frontend frontendFor(List<Frontend> frontends, Path p) {
    return frontends.stream()
        .filter(f -> f.accepts(p.getFileName().toString()))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The parsed files, each round's count added to {@code rounds}; returns the call graph over them.
   */
  private static CallGraph fixpoint(
      Map<Path, SourceText> texts,
      Map<Path, TranslationUnit> units,
      List<Frontend> frontends,
      ApiModel model,
      ExecutorService pool,
      ScanOverlay overlay,
      ScanListener listener,
      List<Integer> rounds,
      Map<Path, TranslationUnit> ready)
      throws ScanException {
    CallGraph graph = null;
    Set<String> wanted = new HashSet<>();
    // Per wanted name, the first parsed file (in path order) defining a function of that name with
    // external linkage.
    Map<String, Path> firstExternal = new HashMap<>();
    for (String name : model.functionNames()) {
      if (model.function(name).filter(CallGraph::isSeed).isPresent())
        wanted.add(name.substring(name.lastIndexOf('.') + 1));
    }
    while (true) {
      List<Path> round = new ArrayList<>();
      for (Map.Entry<Path, SourceText> e : texts.entrySet()) {
        if (units.containsKey(e.getKey())) continue;
        if (callsOrShadows(e.getKey(), e.getValue().index(), wanted, firstExternal))
          round.add(e.getKey());
      }
      if (round.isEmpty())
        return graph != null ? graph : new CallGraph(new Program(List.of(), Map.of()), model);
      rounds.add(round.size());
      // The largest files first: a big file started last would leave the other threads idle at the
      // round's end, and the next round waits for this one.
      List<Path> bySize = new ArrayList<>(round);
      bySize.sort(
          Comparator.comparingInt((Path p) -> -length(texts.get(p).file()))
              .thenComparing(Comparator.naturalOrder()));
      Map<Path, Future<TranslationUnit>> futures = new HashMap<>();
      for (Path p : bySize) {
        SourceFile sf = texts.get(p).file();
        Frontend fe = frontendFor(frontends, p);
        TranslationUnit done = ready.get(p);
        futures.put(
            p,
            pool.submit(
                () -> {
                  if (done != null) return done; // counted when it was parsed
                  TranslationUnit tu = overlay.parse(fe, sf);
                  listener.fileDone();
                  return tu;
                }));
      }
      for (Path p : round) units.put(p, await(futures.get(p)));
      graph = new CallGraph(new Program(new ArrayList<>(units.values()), Map.of()), model);
      firstExternal.clear();
      for (Map.Entry<Path, TranslationUnit> u : units.entrySet()) {
        for (Function f : u.getValue().functions()) {
          if (!f.fileLocal())
            firstExternal.putIfAbsent(
                f.name().substring(f.name().lastIndexOf('.') + 1), u.getKey());
        }
      }
      for (TranslationUnit tu : units.values()) {
        for (Function f : tu.functions()) {
          // A file-local function outside a header is called from its own file only
          // (Program.resolve), which is parsed.
          if (graph.reachesApi(f.key()) && (!f.fileLocal() || f.file().endsWith(".h"))) {
            wanted.add(f.name().substring(f.name().lastIndexOf('.') + 1));
          }
        }
      }
    }
  }

  /** The file's length, 0 when its text is not held (a warm scan reads it only to parse it). */
  private static int length(SourceFile file) {
    return file.text() == null ? 0 : file.text().length();
  }

  /**
   * Whether a file must join the parse: it calls a wanted name, or it defines one where its
   * definition could be the one calls resolve to. {@link Program} keeps the first definition of an
   * external name in path order and looks at header definitions only when there is none, so a file
   * defining a wanted name after the first parsed external definition changes nothing (the thousand
   * test programs defining {@code main}); one before it (a stub in stubs/ sorting before the real
   * one in target/) would replace it, and is parsed. Prototypes count as definitions here, except
   * in headers.
   */
  private static boolean callsOrShadows(
      Path file, LexicalIndex index, Set<String> wanted, Map<String, Path> firstExternal) {
    for (String called : index.calledNames) if (wanted.contains(called)) return true;
    // A header declaring a wanted function is parsed as before: its struct layouts (a device's
    // instance storage, for MR003) belong with the code that uses them.
    boolean header = file.getFileName().toString().endsWith(".h");
    for (String declared : index.declaredNames) {
      if (!wanted.contains(declared)) continue;
      if (header) return true;
      Path first = firstExternal.get(declared);
      if (first == null || file.compareTo(first) < 0) return true;
    }
    return false;
  }

  private static List<Finding> runRules(AnalysisResult analysis, Set<String> selected) {
    List<Finding> all = new ArrayList<>();
    PathGuards guards = new PathGuards(analysis);
    for (Rule rule : Rules.all()) {
      if (!selected.isEmpty() && !selected.contains(rule.info().id())) continue;
      rule.check(analysis, f -> all.add(guards.attach(f)));
    }
    all.sort(null);
    // One finding per rule and location: the same helper is met in several devices' replays.
    Map<String, Finding> unique = new LinkedHashMap<>();
    for (Finding f : all) unique.putIfAbsent(f.ruleId() + "|" + f.loc(), f);
    return FingerprintOrdinals.disambiguate(new ArrayList<>(unique.values()));
  }

  /** Replays every finding's witness in the runtime model under the scan's semantics. */
  private static Map<Finding, Confirmation> confirm(
      List<Finding> findings, Semantics semantics, ScanCache cache) {
    Confirmer confirmer = new Confirmer();
    Map<Finding, Confirmation> known =
        cache != null ? cache.confirmations(semantics) : new HashMap<>();
    Map<Finding, Confirmation> out = new HashMap<>();
    for (Finding f : findings)
      out.put(f, known.computeIfAbsent(f, k -> confirmer.confirm(k, semantics)));
    if (cache != null) known.keySet().retainAll(out.keySet());
    return out;
  }

  static <T> T await(Future<T> f) throws ScanException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScanException("interrupted");
    } catch (ExecutionException e) {
      // Not the input's fault: an Error (out of memory, stack overflow) or a bug goes on as it is,
      // exit 3.
      if (e.getCause() instanceof Error error) throw error;
      if (e.getCause() instanceof RuntimeException bug) throw bug;
      throw new IllegalStateException(e.getCause());
    }
  }
}
