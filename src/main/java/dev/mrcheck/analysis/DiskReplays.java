package dev.mrcheck.analysis;

import dev.mrcheck.cache.CacheStore;
import dev.mrcheck.cache.Digest;
import dev.mrcheck.cache.RecordCodec;
import dev.mrcheck.cache.RecordCodec.CodecException;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TableEntry;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.TypeRegistration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Replays kept on disk between CLI scans (in the {@code replay} entries of the on-disk cache), so
 * that a scan after an edit re-runs only the replays the edit can change; the language server keeps
 * its replays in memory instead ({@link ReplayCache}).
 *
 * <p>An entry is found by the replay (its key in {@link Analyzer}: device and factories, run-time
 * root, or a device's callbacks), the request (the scan's {@code base}: build, model files,
 * semantics, options, root), the definition of its device, for a device's callbacks the lifecycle
 * replay they start from, and what every replay reads of the whole program ({@link #programKey}:
 * the call graph's input, the stores and tests the field facts come from, the types and tables,
 * none of them with their lines). The entry then names the functions the replay walked, each with
 * the digest of its IR (lines included, which the findings show): it is used only while every one
 * of them is the same. An entry that does not decode (damaged, or written by another build) is
 * recomputed; the store checks every entry's length and checksum and writes atomically.
 */
public final class DiskReplays {
  static final String KIND = "replay";

  private final CacheStore store;
  private final String base;

  /** Each function's digest, by object: a function is the same object for the whole scan. */
  private final Map<Function, String> digests = new IdentityHashMap<>();

  private Program program;
  private String programKey;
  private Map<String, DeviceType> devices = Map.of();

  /** {@code base}: the digest of everything in the request that a replay depends on. */
  public DiskReplays(CacheStore store, String base) {
    this.store = store;
    this.base = base;
  }

  /** A function in a stored replay: its key, looked up in the program when read back. */
  record FunctionRef(String key) {}

  /** A device in a stored replay: its name, looked up among the analysis' devices. */
  record DeviceRef(String name) {}

  /** What an entry holds: the walked functions with their digests, then the replay encoded. */
  record Entry(List<String> visited, List<String> visitedDigests, byte[] replay) {}

  /**
   * A replay as stored: its observations as two lists, since the codec writes a map's string keys
   * sorted and the order in which a replay met them decides which of two equal-keyed ones a merge
   * keeps.
   */
  record Stored(
      List<String> observationKeys,
      List<Observation> observations,
      List<Checkpoint> checkpoints,
      List<RootExit> exits,
      List<FreeHookOverride> freeHooks,
      RegionState afterRealize,
      int exhausted,
      RuntimeStates.Counts runtime,
      String device,
      Map<String, String> allocations) {}

  /** Starts an analysis of {@code p} whose devices are {@code types}. */
  synchronized void begin(Program p, FunctionMemo memo, List<DeviceType> types) {
    program = p;
    programKey = programKey(p, memo);
    devices = new HashMap<>();
    for (DeviceType d : types) devices.put(d.name(), d);
  }

  /**
   * Where the replay {@code key} of {@code device} (null: none) is stored; {@code lifecycle}: the
   * {@link #fingerprint} of the lifecycle replay it starts from (null: none).
   */
  String indexKey(String key, DeviceType device, String lifecycle) {
    Digest d = new Digest().add(base).add(programKey).add(key).add(lifecycle);
    if (device != null) {
      try {
        d.add(RecordCodec.encode(device, DiskReplays::standIn));
      } catch (CodecException e) {
        return null;
      }
    }
    return d.hex();
  }

  /** A replay's identity with the content of what it walked: what a replay started from it saw. */
  String fingerprint(String indexKey, ReplayCache.Replay r) {
    Digest d = new Digest().add(indexKey);
    for (String f : new TreeSet<>(r.visited())) {
      Function fn = program.function(f);
      d.add(f).add(fn == null ? "-" : digest(fn));
    }
    return d.hex();
  }

  /**
   * {@link #find} for each key, on {@code threads} threads (decoding is most of a warm scan's
   * analysis); the results in the keys' order.
   */
  List<ReplayCache.Replay> findAll(List<String> indexKeys, int threads) {
    ReplayCache.Replay[] out = new ReplayCache.Replay[indexKeys.size()];
    onThreads(out.length, threads, i -> out[i] = find(indexKeys.get(i)));
    return Arrays.asList(out);
  }

  /** {@link #keep} for each entry, on {@code threads} threads. */
  void keepAll(Map<String, ReplayCache.Replay> replays, int threads) {
    List<Map.Entry<String, ReplayCache.Replay>> all = new ArrayList<>(replays.entrySet());
    onThreads(all.size(), threads, i -> keep(all.get(i).getKey(), all.get(i).getValue()));
  }

  private static void onThreads(int n, int threads, IntConsumer each) {
    if (threads <= 1 || n < 2) {
      for (int i = 0; i < n; i++) each.accept(i);
      return;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(each)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading or writing replays", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** The replay stored under {@code indexKey}, if every function it walked is unchanged. */
  ReplayCache.Replay find(String indexKey) {
    if (indexKey == null) return null;
    byte[] data = store.get(KIND, indexKey);
    if (data == null) return null;
    try {
      Entry e = RecordCodec.decode(data, Entry.class);
      if (e.visited().size() != e.visitedDigests().size()) return null;
      for (int i = 0; i < e.visited().size(); i++) {
        Function f = program.function(e.visited().get(i));
        if (f == null || !digest(f).equals(e.visitedDigests().get(i))) return null;
      }
      Stored s = RecordCodec.decode(e.replay(), Stored.class, this::resolve);
      if (s.observationKeys().size() != s.observations().size()) return null;
      Map<String, Observation> observations = new LinkedHashMap<>();
      for (int i = 0; i < s.observations().size(); i++)
        observations.put(s.observationKeys().get(i), s.observations().get(i));
      return new ReplayCache.Replay(
          Set.copyOf(e.visited()),
          observations,
          List.copyOf(s.checkpoints()),
          List.copyOf(s.exits()),
          List.copyOf(s.freeHooks()),
          s.afterRealize(),
          s.exhausted(),
          s.runtime(),
          s.device(),
          s.allocations());
    } catch (CodecException | RuntimeException e) {
      return null;
    }
  }

  /** Stores {@code r}, just run, under {@code indexKey}. */
  void keep(String indexKey, ReplayCache.Replay r) {
    if (indexKey == null || !store.usable()) return;
    List<String> visited = new ArrayList<>(new TreeSet<>(r.visited()));
    List<String> visitedDigests = new ArrayList<>();
    for (String f : visited) {
      Function fn = program.function(f);
      if (fn == null) return; // walked a function the program no longer names: never valid
      visitedDigests.add(digest(fn));
    }
    Stored s =
        new Stored(
            new ArrayList<>(r.observations().keySet()),
            new ArrayList<>(r.observations().values()),
            r.checkpoints(),
            r.exits(),
            r.freeHooks(),
            r.afterRealize(),
            r.exhausted(),
            r.runtime(),
            r.device(),
            r.allocations());
    try {
      byte[] replay = RecordCodec.encodeSharing(s, DiskReplays::standIn);
      store.put(KIND, indexKey, RecordCodec.encode(new Entry(visited, visitedDigests, replay)));
    } catch (CodecException e) {
      // a replay the codec cannot write is run again next time
    }
  }

  private static Object standIn(Object v) {
    if (v instanceof Function f) return new FunctionRef(f.key());
    if (v instanceof DeviceType d) return new DeviceRef(d.name());
    return v;
  }

  private Object resolve(Object v) {
    if (v instanceof FunctionRef r) {
      Function f = program.function(r.key());
      if (f == null) throw new IllegalStateException("no function " + r.key());
      return f;
    }
    if (v instanceof DeviceRef r) {
      DeviceType d = devices.get(r.name());
      if (d == null) throw new IllegalStateException("no device " + r.name());
      return d;
    }
    return v;
  }

  /**
   * The digest of a function's IR, lines included: its components and each node's statement and
   * successors, as records print them (every component, in order), which is cheaper than encoding.
   */
  private String digest(Function f) {
    synchronized (digests) {
      String known = digests.get(f);
      if (known != null) return known;
    }
    StringBuilder s = new StringBuilder();
    s.append(f.key()).append('|').append(f.name()).append('|').append(f.file());
    s.append('|').append(f.fileLocal()).append('|').append(f.loc()).append('|').append(f.params());
    s.append('|').append(new TreeMap<>(f.localTypes()));
    s.append('|').append(f.cfg().entry().id()).append('|').append(f.cfg().exit().id());
    for (CfgNode n : f.cfg().nodes()) {
      s.append('\n').append(n.id()).append(' ').append(n.stmt()).append(" ->");
      for (CfgNode next : n.successors()) s.append(' ').append(next.id());
    }
    String d = new Digest().add(s.toString()).hex();
    synchronized (digests) {
      digests.put(f, d);
    }
    return d;
  }

  /**
   * What a replay reads of the functions it does not walk, without lines: the call graph's input
   * (each function's calls, what it stores into fields, the tables, types and struct layouts), each
   * function's facts for the whole-program structures ({@link FunctionFacts}: names handed over,
   * member stores, tested fields), the values written to fields (whose other writers a witness
   * names), the macros that name types. An edit that moves lines, or changes a statement none of
   * these read, reruns only the replays that walk it; one that changes a call, a field store or a
   * field test reruns them all.
   */
  private static String programKey(Program p, FunctionMemo memo) {
    Digest d = new Digest();
    for (Map.Entry<String, Function> e : p.functionsByKey().entrySet()) {
      Function f = e.getValue();
      FunctionFacts facts = memo.facts(f);
      StringBuilder s = new StringBuilder(e.getKey());
      s.append('|').append(f.params()).append('|').append(new TreeMap<>(f.localTypes()));
      s.append('|').append(facts.handedOver()).append(facts.storedInFields());
      s.append(facts.fieldsHandedOver()).append(facts.memberStores());
      s.append(facts.testedFields()).append(facts.unnamedInits().size());
      for (Stmt st : f.cfg().statements()) {
        if (st instanceof Stmt.Call c) {
          s.append("|c ").append(c.callee()).append(' ').append(c.result());
          s.append(' ').append(c.through());
        } else if (st instanceof Stmt.Assign a && !a.target().steps().isEmpty()) {
          s.append("|a ").append(a.target()).append(' ').append(a.value());
        }
      }
      d.add(s.toString());
    }
    for (TranslationUnit tu : p.units()) {
      d.add(tu.file()).add(tu.fields().toString());
      d.add(new TreeMap<>(tu.stringMacros()).toString());
      for (TableEntry t : tu.tables()) {
        d.add(t.variable() + "|" + t.type() + "|" + t.steps() + "|" + t.value());
        d.add(t.loc() == null ? "-" : t.loc().file());
      }
      for (TypeRegistration t : tu.types()) {
        d.add(t.name() + "|" + t.parent() + "|" + t.instanceStruct());
        d.add(new TreeMap<>(t.hooks()) + "|" + new TreeMap<>(t.properties()));
      }
    }
    d.add(new TreeMap<>(p.extraTypeMacros()).toString());
    return d.hex();
  }
}
