package dev.mrcheck.scan;

import dev.mrcheck.analysis.CallGraph;
import dev.mrcheck.analysis.Program;
import dev.mrcheck.analysis.ReplayCache;
import dev.mrcheck.confirm.Confirmation;
import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.TableEntry;
import dev.mrcheck.ir.TranslationUnit;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.ModelException;
import dev.mrcheck.model.ModelLoader;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one scan of a workspace leaves for the next (the language server's): each file's text and
 * lexical index, each parse, the API model, the relevance fixpoint with its call graph, the replays
 * and the confirmations. Every entry is reused only while what it was computed from is unchanged,
 * so an incremental scan finds what a fresh one would.
 *
 * <p>Parses also depend on the frontend options and on headers under {@code -I}, which the cache
 * cannot see: whoever changes those must {@link #clear()} it.
 */
public final class ScanCache {
  private record CachedParse(String text, TranslationUnit unit) {}

  /**
   * A file as read: from the disk (mtime and size say whether it moved) or an editor buffer (text
   * null).
   */
  private record CachedText(FileTime modified, long size, String unsaved, SourceText source) {}

  private record CachedModel(List<Path> files, List<FileTime> modified, ApiModel model) {}

  /**
   * The relevance fixpoint of the last scan: which texts it saw, which files it parsed, the call
   * graph over them.
   */
  record Relevance(
      Map<Path, SourceText> texts, Map<Path, TranslationUnit> units, CallGraph graph) {}

  private final Map<Path, CachedParse> parses = new ConcurrentHashMap<>();
  private final Map<Path, CachedText> texts = new ConcurrentHashMap<>();
  private final Map<Finding, Confirmation> confirmations = new ConcurrentHashMap<>();
  private final ReplayCache replays = new ReplayCache();
  private final AtomicInteger parsed = new AtomicInteger();
  private volatile CachedModel model;
  private volatile Relevance relevance;
  private volatile Semantics confirmedUnder;
  private volatile boolean relevanceReused;
  private volatile Discovery discovery;
  private volatile Program program;

  /** The files a walk found under the scanned paths with the given frontends' extensions. */
  private record Discovery(List<Path> paths, Object frontends, List<Path> files) {}

  public void clear() {
    parses.clear();
    texts.clear();
    confirmations.clear();
    replays.clear();
    model = null;
    relevance = null;
    discovery = null;
    program = null;
  }

  /** Files the latest scan parsed (the others' parses were reused). */
  public int lastParsed() {
    return parsed.get();
  }

  /** Whether the latest scan kept the previous relevance fixpoint and call graph. */
  public boolean lastKeptCallGraph() {
    return relevanceReused;
  }

  /** Replays run and reused by the latest scan. */
  public ReplayCache replays() {
    return replays;
  }

  /** The previous walk's files, if it was over the same paths with the same frontend options. */
  List<Path> discovered(List<Path> paths, Object frontendOptions) {
    Discovery d = discovery;
    return d != null && d.paths().equals(paths) && d.frontends().equals(frontendOptions)
        ? d.files()
        : null;
  }

  void setDiscovered(List<Path> paths, Object frontendOptions, List<Path> files) {
    discovery = new Discovery(List.copyOf(paths), frontendOptions, List.copyOf(files));
  }

  void startScan() {
    parsed.set(0);
    relevanceReused = false;
  }

  ApiModel model(List<Path> files) throws ModelException {
    List<FileTime> modified = new ArrayList<>();
    for (Path f : files) modified.add(modifiedOrNull(f));
    CachedModel m = model;
    if (m != null && m.files().equals(files) && m.modified().equals(modified)) return m.model();
    ApiModel loaded = ModelLoader.load(files);
    model = new CachedModel(List.copyOf(files), modified, loaded);
    return loaded;
  }

  private static FileTime modifiedOrNull(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The text read before, if the file (or buffer) is unchanged and reported under the same name.
   */
  SourceText text(
      Path file,
      String relativePath,
      String unsaved,
      BasicFileAttributes attrs,
      boolean diskUnchanged) {
    CachedText c = texts.get(file);
    if (c == null || !c.source().file().relativePath().equals(relativePath)) return null;
    if (unsaved != null) return unsaved.equals(c.unsaved()) ? c.source() : null;
    if (c.unsaved() != null) return null;
    if (diskUnchanged) return c.source();
    if (attrs == null) return null;
    return attrs.lastModifiedTime().equals(c.modified()) && attrs.size() == c.size()
        ? c.source()
        : null;
  }

  void putText(Path file, String unsaved, BasicFileAttributes attrs, SourceText source) {
    texts.put(
        file,
        new CachedText(
            attrs == null ? null : attrs.lastModifiedTime(),
            attrs == null ? -1 : attrs.size(),
            unsaved,
            source));
  }

  /** Forgets files no longer scanned. */
  void retainTexts(java.util.Set<Path> files) {
    texts.keySet().retainAll(files);
    parses.keySet().retainAll(files);
  }

  /** The parse kept for this text, else one from {@code disk} (null: none) or the frontend. */
  TranslationUnit parse(Frontend frontend, SourceFile file, PersistentCache.IrCache disk) {
    Path key = file.absolutePath().toAbsolutePath().normalize();
    CachedParse cached = parses.get(key);
    // Text equality, not a hash: exact, and as cheap as hashing the text would be.
    if (cached != null
        && cached.text().equals(file.text())
        && cached.unit().file().equals(file.relativePath())) return cached.unit();
    parsed.incrementAndGet();
    TranslationUnit unit = disk != null ? disk.parse(frontend, file) : frontend.parse(file);
    parses.put(key, new CachedParse(file.text(), unit));
    return unit;
  }

  /**
   * The program over {@code units}, updated from the last scan's where only function bodies
   * changed.
   */
  Program program(List<TranslationUnit> units) {
    Program before = program;
    Program now = before != null ? before.update(units) : new Program(units, Map.of());
    program = now;
    return now;
  }

  Relevance relevance() {
    return relevance;
  }

  void setRelevance(Relevance r, boolean reused) {
    relevance = r;
    relevanceReused = reused;
  }

  /** Confirmations depend on the finding (witness included) and the semantics only. */
  Map<Finding, Confirmation> confirmations(Semantics semantics) {
    if (!Objects.equals(semantics, confirmedUnder)) {
      confirmations.clear();
      confirmedUnder = semantics;
    }
    return confirmations;
  }

  /**
   * Whether two parses of a file give the call graph the same input: the same functions (names,
   * linkage) calling the same names in the same order, and storing the same functions into the same
   * fields or ops tables, with the same struct layouts (a call through a field reaches what some
   * code or table stored there, by the receiver's declared type). Then the relevance fixpoint runs
   * as before.
   */
  static boolean sameCalls(TranslationUnit a, TranslationUnit b) {
    if (a.functions().size() != b.functions().size()) return false;
    // Ops tables and struct layouts decide what a call through a field reaches.
    if (!a.fields().equals(b.fields()) || a.tables().size() != b.tables().size()) return false;
    for (int i = 0; i < a.tables().size(); i++)
      if (!sameStore(a.tables().get(i), b.tables().get(i))) return false;
    for (int i = 0; i < a.functions().size(); i++) {
      Function f = a.functions().get(i);
      Function g = b.functions().get(i);
      if (!Program.sameIdentity(f, g) || !callGraphInput(f).equals(callGraphInput(g))) return false;
    }
    return true;
  }

  /**
   * The same function stored into the same member of the same table: where in its file the table
   * lies does not matter (the call graph reads only the file), and a line added above it moves it.
   */
  private static boolean sameStore(TableEntry a, TableEntry b) {
    return a.variable().equals(b.variable())
        && Objects.equals(a.type(), b.type())
        && a.steps().equals(b.steps())
        && Objects.equals(a.value(), b.value())
        && a.loc().file().equals(b.loc().file());
  }

  /**
   * What the call graph reads of a function: its calls (by name, or through a field of a declared
   * type) and the names it stores into fields.
   */
  private static List<String> callGraphInput(Function f) {
    List<String> out = new ArrayList<>();
    for (Stmt s : f.cfg().statements()) {
      if (s instanceof Stmt.Call c) {
        out.add(c.through() == null ? c.callee() : "through " + through(f, c.through()));
      } else if (s instanceof Stmt.Assign a
          && !a.target().steps().isEmpty()
          && a.value() instanceof Value.Path p
          && p.path().steps().isEmpty()) {
        out.add("store " + p.path().root() + " " + through(f, a.target()));
      }
    }
    return out;
  }

  /** A field path as the call graph tells fields apart: last step, depth, declared root type. */
  private static String through(Function f, AccessPath path) {
    return path.lastStep() + " " + path.steps().size() + " " + f.localTypes().get(path.root());
  }
}
