package dev.mrcheck.selftest;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The long run behind {@code mrcheck selftest}: generates programs from one seed, checks each, and
 * tallies agreement per rule, semantics and language; disagreements are shrunk and kept (one per
 * distinct rule/semantics/kind, so one bug does not fill the report).
 */
public final class SelftestRun {
  /**
   * Per rule, semantics and language: violations both saw, only the model saw, only the analyzer
   * saw.
   */
  public static final class Tally {
    public long agreed;
    public long missedExact;
    public long missedBranching;
    public long extra;
    public long unjudged;
  }

  public record Counterexample(String key, long programIndex, String description) {}

  private final SelfCheck check;
  private final ProgramGenerator generator;
  private final Shrinker shrinker = new Shrinker(400);
  private final Map<String, Tally> tallies = new TreeMap<>();
  private final Map<String, Counterexample> counterexamples = new LinkedHashMap<>();

  /** Per language other than C: disagreements C does not have, and C's that it does not have. */
  private final Map<String, long[]> againstC = new TreeMap<>();

  private long programs;
  private long branching;

  /**
   * Programs with guards over state fields, NULL-owned regions in an unpluggable / a fixed device's
   * instance storage, g_free of heap regions (#18's shapes).
   */
  private long guarded;

  private long nullOwnedUnpluggable;
  private long nullOwnedFixed;
  private long heapFrees;
  private long disagreeing;
  private long paths;
  private long unjudgedPrograms;

  /**
   * Judged programs with run-time code, with two run-time callbacks, with a factory-made object.
   */
  private long withRuntime;

  private long withTwoCallbacks;
  private long withFactory;
  private long shrinkNanos;
  private final int perKind;

  public SelftestRun(SelfCheck check, ProgramGenerator generator) {
    this(check, generator, 1);
  }

  /**
   * {@code perKind} counterexamples are kept of each kind of disagreement: more show whether one
   * fix covers a kind.
   */
  public SelftestRun(SelfCheck check, ProgramGenerator generator, int perKind) {
    this.check = check;
    this.generator = generator;
    this.perKind = Math.max(1, perKind);
  }

  /**
   * The key of the next counterexample of this kind, or null when enough of them are kept or this
   * program is one.
   */
  private String freeSlot(String kind, long index) {
    for (int n = 1; n <= perKind; n++) {
      Counterexample kept = counterexamples.get(n == 1 ? kind : kind + " (" + n + ")");
      if (kept != null && kept.programIndex() == index) return null;
    }
    for (int n = 1; n <= perKind; n++) {
      String key = n == 1 ? kind : kind + " (" + n + ")";
      if (!counterexamples.containsKey(key)) return key;
    }
    return null;
  }

  /**
   * Checks {@code count} programs drawn from {@code seed} on {@code threads} threads; programs are
   * generated and their reports tallied in order, so the figures do not depend on the thread count.
   * Progress lines go to {@code progress} if not null.
   */
  public void run(long seed, long count, int threads, PrintWriter progress) throws ScanException {
    run(seed, 0, count, threads, progress);
  }

  /**
   * As {@link #run(long, long, int, PrintWriter)}, from program {@code #from} of the seed on: a
   * counterexample's number reproduces it.
   */
  public void run(long seed, long from, long count, int threads, PrintWriter progress)
      throws ScanException {
    Random random = new Random(seed);
    for (long i = 0; i < from; i++) generator.generate(Choices.of(random));
    long start = System.nanoTime();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            r -> {
              Thread t = new Thread(r, "mrcheck-selftest");
              t.setDaemon(true);
              return t;
            });
    try {
      int batch = 32 * Math.max(1, threads);
      for (long first = 0; first < count; first += batch) {
        List<Future<SelfCheck.Report>> reports = new ArrayList<>();
        for (long i = first; i < Math.min(count, first + batch); i++) {
          DeviceProgram p = generator.generate(Choices.of(random));
          reports.add(pool.submit(() -> check.check(p)));
        }
        for (int k = 0; k < reports.size(); k++) {
          record(from + first + k, await(reports.get(k)));
          long done = first + k + 1;
          if (progress != null && done % 1000 == 0) {
            double secs = (System.nanoTime() - start) / 1e9;
            progress.printf(
                "selftest: %d programs, %.1f programs/s, %d disagreeing%n",
                done, done / secs, disagreeing);
            progress.flush();
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void record(long index, SelfCheck.Report r) throws ScanException {
    programs++;
    if (r.program().branching()) branching++;
    DeviceProgram p = r.program();
    if (p.guarded()) guarded++;
    if (ProgramShapes.nullOwnedInInstance(p)) {
      if (p.hotPluggable()) nullOwnedUnpluggable++;
      else nullOwnedFixed++;
    }
    if (ProgramShapes.freesHeapRegion(p)) heapFrees++;
    if (r.comparisons().stream().anyMatch(c -> c.modelRun().malformed())) {
      unjudgedPrograms++;
      return;
    }
    int callbacks = CallbackSequences.callbacks(r.program()).size();
    if (callbacks > 0) withRuntime++;
    if (callbacks > 1) withTwoCallbacks++;
    if (r.program().factory() != null) withFactory++;
    tally(r);
    if (r.disagrees()) {
      disagreeing++;
      keepCounterexample(index, r);
      compareWithC(index, r);
    }
  }

  /**
   * A disagreement one rendering has and C does not is that rendering's (or its frontend's) own; it
   * is kept as a counterexample of its own, shrunk while it stays unshared.
   */
  private void compareWithC(long index, SelfCheck.Report r) throws ScanException {
    if (!r.sources().containsKey("c")) return;
    Set<String> c = r.disagreements("c");
    for (String language : r.sources().keySet()) {
      if (language.equals("c")) continue;
      Set<String> mine = r.disagreements(language);
      long[] counts = againstC.computeIfAbsent(language, k -> new long[2]);
      for (String d : mine) if (!c.contains(d)) counts[0]++;
      for (String d : c) if (!mine.contains(d)) counts[1]++;
      for (String d : mine) {
        if (c.contains(d)) continue;
        String key =
            freeSlot(d.substring(0, d.indexOf(" #")) + " " + language + ", not in c", index);
        if (key == null) continue;
        long start = System.nanoTime();
        DeviceProgram small =
            shrinker.shrink(
                r.program(), p -> unshared(p, language, d.substring(0, d.indexOf(" #"))));
        counterexamples.put(key, new Counterexample(key, index, check.check(small).describe()));
        shrinkNanos += System.nanoTime() - start;
      }
    }
  }

  private boolean unshared(DeviceProgram p, String language, String ruleKindSemantics) {
    try {
      SelfCheck.Report r = check.check(p);
      if (r.comparisons().stream().anyMatch(x -> x.modelRun().malformed())) return false;
      Set<String> c = r.disagreements("c");
      return r.disagreements(language).stream()
          .anyMatch(d -> d.startsWith(ruleKindSemantics + " #") && !c.contains(d));
    } catch (ScanException e) {
      return false;
    }
  }

  private static SelfCheck.Report await(Future<SelfCheck.Report> f) throws ScanException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScanException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ScanException se) throw se;
      throw new IllegalStateException(e.getCause());
    }
  }

  private void tally(SelfCheck.Report r) {
    for (SelfCheck.Comparison c : r.comparisons()) {
      paths += c.modelRun().paths();
      for (Violation v : c.model()) {
        Tally t = tally(v.ruleId(), c);
        if (c.analyzer().contains(v)) t.agreed++;
        else if (c.exact()) t.missedExact++;
        else t.missedBranching++;
      }
      for (Violation v : c.extra()) tally(v.ruleId(), c).extra++;
      for (Violation v : c.unjudged()) tally(v.ruleId(), c).unjudged++;
    }
  }

  private Tally tally(String rule, SelfCheck.Comparison c) {
    return tallies.computeIfAbsent(
        rule + " " + c.semantics().label() + " " + c.language(), k -> new Tally());
  }

  private void keepCounterexample(long index, SelfCheck.Report r) throws ScanException {
    for (SelfCheck.Comparison c : r.comparisons()) {
      if (!c.disagrees()) continue;
      for (Violation v : c.extra()) keep(index, r, c, v.ruleId(), "extra");
      if (c.exact()) for (Violation v : c.missed()) keep(index, r, c, v.ruleId(), "missed");
    }
  }

  private void keep(
      long index, SelfCheck.Report r, SelfCheck.Comparison c, String rule, String kind)
      throws ScanException {
    String key =
        freeSlot(rule + " " + kind + " " + c.language() + (c.exact() ? "" : " branching"), index);
    if (key == null) return;
    boolean skips = r.comparisons().stream().anyMatch(x -> x.modelRun().malformed());
    long start = System.nanoTime();
    DeviceProgram small = shrinker.shrink(r.program(), p -> stillFails(p, rule, kind, c, skips));
    counterexamples.put(key, new Counterexample(key, index, check.check(small).describe()));
    shrinkNanos += System.nanoTime() - start;
  }

  /**
   * The same kind of disagreement, in a program where every call acts on initialized state if the
   * original did.
   */
  private boolean stillFails(
      DeviceProgram p, String rule, String kind, SelfCheck.Comparison like, boolean skips) {
    try {
      SelfCheck.Report r = check.check(p);
      if (!skips && r.comparisons().stream().anyMatch(x -> x.modelRun().malformed())) return false;
      for (SelfCheck.Comparison c : r.comparisons()) {
        if (c.semantics() != like.semantics()
            || !c.language().equals(like.language())
            || !c.disagrees()) continue;
        Set<Violation> diff = kind.equals("extra") ? c.extra() : c.missed();
        if (diff.stream().anyMatch(v -> v.ruleId().equals(rule))) return true;
      }
      return false;
    } catch (ScanException e) {
      return false;
    }
  }

  public long programs() {
    return programs;
  }

  public long disagreeing() {
    return disagreeing;
  }

  public List<Counterexample> counterexamples() {
    return new ArrayList<>(counterexamples.values());
  }

  /** The summary table: per rule, semantics and language. */
  public void print(PrintWriter out, double seconds) {
    double checking = Math.max(seconds - shrinkNanos / 1e9, 1e-9);
    out.printf(
        "%d programs (%d branching, %d not judged: undefined C or a reference count corrupted, see README), "
            + "%d model paths, %.1f s (%.1f s shrinking), %.1f programs/s without shrinking, %d disagreeing%n",
        programs,
        branching,
        unjudgedPrograms,
        paths,
        seconds,
        shrinkNanos / 1e9,
        programs / checking,
        disagreeing);
    long judged = programs - unjudgedPrograms;
    out.printf(
        "of the %d judged: %d with run-time code, %d of them with two callbacks (C only); "
            + "%d with a factory-made object (C only)%n",
        judged, withRuntime, withTwoCallbacks, withFactory);
    out.printf(
        "shapes: %d with guards over state fields (C only), %d with a NULL-owned region in an"
            + " unpluggable device's instance, %d in a fixed device's, %d freeing a heap region%n",
        guarded, nullOwnedUnpluggable, nullOwnedFixed, heapFrees);
    out.printf(
        "%-24s %9s %9s %9s %9s %9s  %s%n",
        "rule semantics language",
        "agreed",
        "missed",
        "missed-br",
        "extra",
        "unjudged",
        "agreement");
    for (Map.Entry<String, Tally> e : tallies.entrySet()) {
      Tally t = e.getValue();
      long total = t.agreed + t.missedExact + t.missedBranching + t.extra;
      out.printf(
          "%-24s %9d %9d %9d %9d %9d  %.2f%%%n",
          e.getKey(),
          t.agreed,
          t.missedExact,
          t.missedBranching,
          t.extra,
          t.unjudged,
          total == 0 ? 100.0 : 100.0 * t.agreed / total);
    }
    for (Map.Entry<String, long[]> e : againstC.entrySet()) {
      out.printf(
          "%s against c: %d disagreements c does not have, %d of c's it does not have%n",
          e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
    for (Counterexample c : counterexamples.values()) {
      out.println();
      out.println(
          "==== counterexample (" + c.key() + "), program #" + c.programIndex() + ", minimized:");
      out.print(c.description());
    }
  }

  static List<Semantics> allSemantics() {
    return List.of(Semantics.values());
  }
}
