package dev.mrcheck.scan;

import dev.mrcheck.analysis.DiskReplays;
import dev.mrcheck.cache.BuildId;
import dev.mrcheck.cache.CacheStore;
import dev.mrcheck.cache.Digest;
import dev.mrcheck.cache.RecordCodec;
import dev.mrcheck.cache.RecordCodec.CodecException;
import dev.mrcheck.frontend.Frontend;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.ir.TranslationUnit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What {@code mrcheck scan} keeps on disk between runs (in a {@link CacheStore}), and how a scan
 * reuses it. Six kinds of entries:
 *
 * <ul>
 *   <li>{@code files}: per scanned tree (root, paths, file size limit), each file's size,
 *       modification time and inode when it was read, its content digest, and its lexical index and
 *       suppression comments. A file whose size, time and inode are unchanged is not read at all
 *       (as git's index does; a file modified less than {@link #RACY_MILLIS} before it was read is
 *       read again next time, since a second edit within the clock's granularity would not show in
 *       its time).
 *   <li>{@code ir}: one file's lowered IR, by content digest, path (relative and absolute: the
 *       parser expands {@code __FILE__}) and preprocessor options (and, when those name include
 *       directories, the state of every file under them).
 *   <li>{@code plan}: which files the relevance fixpoint parsed, by the lexical facts of every
 *       file. The scan uses nothing of a file it does not parse but its index and suppression
 *       comments, so this is the same while those are.
 *   <li>{@code result}: the analysis' result (findings, confirmations, input problems, figures), by
 *       the plan's key and the content of every parsed file. An edit to a file the scan does not
 *       parse that leaves its lexical facts alone reuses it.
 *   <li>{@code relevance}: the files the relevance fixpoint parsed, with each one's content digest,
 *       and its round sizes, by what the fixpoint reads of the files it does not parse (their names
 *       and the names each calls and declares). A scan after an edit that moved lines or changed
 *       statements, but left every call and function store of the parsed files as it was (the
 *       edited file's earlier IR, still under its old digest, says), parses the same files in one
 *       go and builds the call graph once instead of once per round ({@link Scanner}{@code
 *       .parseRelevant}).
 *   <li>{@code replay}: one replay of the analysis (a device's lifecycle, a run-time root, a
 *       device's callbacks), with the functions it walked and their digests, by the request and
 *       what it reads of the rest of the program ({@link DiskReplays}): after an edit, only the
 *       replays that walk an edited function run again.
 * </ul>
 *
 * Every key includes the build of mrcheck ({@link BuildId}), the request (semantics, rules, model
 * files and their contents, -I/-D, the compilation database, the size limit, the paths) and the
 * scan root, so a change to any of them computes afresh.
 */
public final class PersistentCache {
  static final String FILES = "files";
  public static final String IR = "ir";
  static final String PLAN = "plan";
  static final String RESULT = "result";
  static final String RELEVANCE = "relevance";
  static final String REPLAY = "replay";

  /** How long before a file's read its last change must lie for its stat to be trusted. */
  static final long RACY_MILLIS = 2_000;

  private final CacheStore store;

  public PersistentCache(CacheStore store) {
    this.store = store;
  }

  public CacheStore store() {
    return store;
  }

  /**
   * A file as the cache knows it: its stat when read, its content digest, and its {@link
   * SourceText} without the text, encoded ({@code lexical}, whose digest is {@code lexicalDigest}).
   * {@code trusted}: it had not changed for {@link #RACY_MILLIS} when read.
   */
  record FileEntry(
      String path,
      long size,
      long modifiedNanos,
      String fileKey,
      boolean trusted,
      String contentDigest,
      String lexicalDigest,
      byte[] lexical) {}

  /** The {@code files} entry of one tree. */
  record FileTable(List<FileEntry> files) {}

  /**
   * A {@code relevance} entry: the parsed files (absolute paths, in order) with each one's content
   * digest when it was parsed, and the number of files each round parsed.
   */
  record RelevancePlan(List<String> paths, List<String> contentDigests, List<Integer> rounds) {}

  /**
   * One scan's use of the cache, or null when the cache is off or the scan has editor buffers.
   * {@code perFile}: a compilation database's options per unit (absolute normalized paths).
   */
  Run begin(
      ScanRequest request,
      Path root,
      List<Path> files,
      Map<Path, FrontendOptions> perFile,
      Predicate<String> cacheableIr) {
    if (!store.usable()) return null;
    for (Path p : request.paths()) {
      Path scanned = p.toAbsolutePath().normalize();
      if (store.dir().startsWith(scanned) || store.dir().equals(scanned)) {
        store.disable("it lies in the scanned tree " + p);
        return null;
      }
    }
    return new Run(request, root, files, perFile, cacheableIr);
  }

  /** One scan: the files' states, the keys derived from them, the parses. */
  final class Run {
    private final ScanRequest request;
    private final Path root;
    private final List<Path> files;
    private final Map<Path, FrontendOptions> perFile;
    private final Predicate<String> cacheableIr;
    private final String configKey;
    private final String irBase;
    private final String tableKey;
    private final String includeState;
    private final Map<String, FileEntry> before = new HashMap<>();
    private final Map<Path, FileEntry> entries = new LinkedHashMap<>();
    private final Map<Path, SourceText> fresh = new HashMap<>();
    private final Map<String, String> optionKeys = new ConcurrentHashMap<>();
    private volatile boolean tainted;
    private boolean tableChanged;
    private String lexicalKey;

    private Run(
        ScanRequest request,
        Path root,
        List<Path> files,
        Map<Path, FrontendOptions> perFile,
        Predicate<String> cacheableIr) {
      this.request = request;
      this.root = root;
      this.files = files;
      this.perFile = perFile;
      this.cacheableIr = cacheableIr;
      this.includeState = includeState(request, perFile);
      this.configKey = configKey(request, root, includeState);
      this.irBase = new Digest().add(BuildId.current()).add(includeState).hex();
      this.tableKey =
          new Digest()
              .add(BuildId.current())
              .add(root.toString())
              .add(request.paths().toString())
              .add(request.maxFileSize())
              .hex();
      byte[] table = store.get(FILES, tableKey);
      if (table != null) {
        try {
          for (FileEntry e : RecordCodec.decode(table, FileTable.class).files())
            before.put(e.path(), e);
        } catch (CodecException e) {
          before.clear();
        }
      }
    }

    /**
     * The replays this scan's analysis looks up and stores ({@code replay} entries), under the
     * request's key: a replay depends on the build, the model files, the semantics and the options.
     */
    DiskReplays replays() {
      return new DiskReplays(store, new Digest().add(REPLAY).add(configKey).hex());
    }

    /**
     * Stats every file and reads those that changed (in parallel); unreadable ones become {@code
     * problems}, in file order.
     */
    void survey(
        ExecutorService pool, List<FileProblem> problems, ScanListener listener, long maxBytes)
        throws ScanException {
      List<Future<FileRead>> futures = new ArrayList<>();
      FileEntry[] found = new FileEntry[files.size()];
      for (int i = 0; i < files.size(); i++) {
        int index = i;
        Path f = files.get(i);
        futures.add(
            pool.submit(
                () -> {
                  FileRead r = survey(f, maxBytes, found, index);
                  listener.fileDone();
                  return r;
                }));
      }
      for (int i = 0; i < files.size(); i++) {
        FileRead r = Scanner.await(futures.get(i));
        Path f = files.get(i);
        if (r instanceof FileRead.Problem p) {
          problems.add(p.problem());
          tableChanged |= before.containsKey(f.toString());
        } else {
          entries.put(f, found[i]);
          if (r instanceof FileRead.Text t) fresh.put(f, t.text());
          tableChanged |= before.get(f.toString()) != found[i];
        }
      }
      tableChanged |= before.size() != entries.size();
    }

    /**
     * The file's entry from the last run if its stat is unchanged (result null), else the file read
     * (a text, whose new entry goes into {@code found}, or a problem).
     */
    private FileRead survey(Path f, long maxBytes, FileEntry[] found, int index) {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(f, BasicFileAttributes.class);
      } catch (IOException e) {
        return SourceReads.read(f, root, maxBytes); // reports the problem
      }
      long modified = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
      String fileKey = String.valueOf(a.fileKey());
      FileEntry old = before.get(f.toString());
      if (old != null
          && old.trusted()
          && old.size() == a.size()
          && old.modifiedNanos() == modified
          && old.fileKey().equals(fileKey)) {
        found[index] = old;
        return null;
      }
      long readAt = System.currentTimeMillis();
      byte[][] bytes = new byte[1][];
      FileRead r = SourceReads.read(f, root, maxBytes, b -> bytes[0] = b);
      if (r instanceof FileRead.Text t) {
        byte[] lexical;
        try {
          lexical = RecordCodec.encode(t.text(), PersistentCache::withoutText);
        } catch (CodecException e) {
          tainted = true;
          lexical = new byte[0];
        }
        boolean trusted = readAt - TimeUnit.NANOSECONDS.toMillis(modified) > RACY_MILLIS;
        found[index] =
            new FileEntry(
                f.toString(),
                a.size(),
                modified,
                fileKey,
                trusted,
                Digest.of(bytes[0]),
                Digest.of(lexical),
                lexical);
      }
      return r;
    }

    /**
     * The key of everything the scan takes from files it does not parse: each file's name and
     * lexical facts (or its input problem), with the request's.
     */
    private String lexicalKey(List<FileProblem> problems) {
      if (lexicalKey == null) {
        Digest d = new Digest().add(configKey);
        for (Path f : files) {
          FileEntry e = entries.get(f);
          d.add(f.toString()).add(e == null ? "-" : e.lexicalDigest());
        }
        try {
          d.add(RecordCodec.encode(problems));
        } catch (CodecException e) {
          tainted = true;
        }
        lexicalKey = d.hex();
      }
      return lexicalKey;
    }

    /** The key of a result: the lexical key and the content of every file parsed. */
    private String resultKey(String lexical, List<String> parsed) {
      Digest d = new Digest().add(lexical);
      Map<String, FileEntry> byPath = new HashMap<>();
      for (FileEntry e : entries.values()) byPath.put(e.path(), e);
      for (String p : parsed) {
        FileEntry e = byPath.get(p);
        if (e == null) return null;
        d.add(p).add(e.contentDigest());
      }
      return d.hex();
    }

    /**
     * The result a scan of the same inputs left, with this run's wall time; null when there is
     * none. {@code problems}: this run's input problems so far (part of the key).
     */
    ScanResult cachedResult(List<FileProblem> problems, long startNanos) {
      if (tainted) return null;
      String lexical = lexicalKey(problems);
      byte[] plan = store.get(PLAN, lexical);
      if (plan == null) return null;
      try {
        List<?> parsed = RecordCodec.decode(plan, List.class);
        List<String> names = new ArrayList<>();
        for (Object p : parsed) names.add((String) p);
        String key = resultKey(lexical, names);
        byte[] data = key == null ? null : store.get(RESULT, key);
        if (data == null) return null;
        ScanResult r = RecordCodec.decode(data, ScanResult.class);
        ScanStats s = r.stats();
        ScanStats now =
            new ScanStats(
                s.filesFound(),
                s.filesParsed(),
                s.linesParsed(),
                s.functions(),
                s.droppedFunctions(),
                s.parseProblems(),
                (System.nanoTime() - startNanos) / 1_000_000,
                s.inactiveFunctions(),
                s.recoveredFunctions());
        return new ScanResult(
            r.root(),
            r.semantics(),
            r.findings(),
            r.problems(),
            now,
            r.confirmations(),
            r.suppressions());
      } catch (CodecException | ClassCastException e) {
        return null;
      }
    }

    /** Every readable file's text and index: read now, or as the cache kept it (no text). */
    Map<Path, SourceText> texts() {
      Map<Path, SourceText> out = new LinkedHashMap<>();
      for (Map.Entry<Path, FileEntry> e : entries.entrySet()) {
        SourceText t = fresh.get(e.getKey());
        if (t == null) {
          try {
            t = RecordCodec.decode(e.getValue().lexical(), SourceText.class);
          } catch (CodecException x) {
            // A table that decoded but whose entry does not: read the file again.
            tainted = true;
            FileRead r = SourceReads.read(e.getKey(), root, request.maxFileSize());
            if (!(r instanceof FileRead.Text text)) continue;
            t = text.text();
          }
        }
        out.put(e.getKey(), t);
      }
      return out;
    }

    /**
     * A file's IR: from the cache when the same text was parsed with the same options; else parsed
     * (its text read first if the cache kept only its index) and stored.
     */
    TranslationUnit parse(Frontend frontend, SourceFile file) {
      FileEntry e = entries.get(file.absolutePath());
      boolean cacheable = e != null && cacheableIr.test(file.relativePath());
      String key =
          cacheable
              ? irKey(
                  irBase,
                  e.contentDigest(),
                  file,
                  optionKey(request, perFile, optionKeys, file.absolutePath()))
              : null;
      if (key != null) {
        byte[] data = store.get(IR, key);
        if (data != null) {
          try {
            return RecordCodec.decode(data, TranslationUnit.class);
          } catch (CodecException x) {
            // written by another build or damaged in a way the checksum missed: parse again
          }
        }
      }
      SourceFile withText = file;
      if (file.text() == null) {
        try {
          byte[] bytes = SourceReader.readBytes(file.absolutePath(), request.maxFileSize());
          if (e == null || !Digest.of(bytes).equals(e.contentDigest())) {
            tainted = true; // changed since it was indexed: keep nothing of this run
            key = null;
          }
          withText =
              new SourceFile(file.absolutePath(), file.relativePath(), SourceReader.decode(bytes));
        } catch (IOException x) {
          tainted = true;
          return frontend.parse(new SourceFile(file.absolutePath(), file.relativePath(), ""));
        }
      }
      TranslationUnit unit = frontend.parse(withText);
      if (key != null && !tainted) {
        try {
          store.put(IR, key, RecordCodec.encode(unit));
        } catch (CodecException x) {
          // an IR the codec cannot carry is parsed every time
        }
      }
      return unit;
    }

    /**
     * The key of a {@code relevance} entry: what the fixpoint reads of every file besides the IR of
     * those it parses, i.e. its name and the names it calls and declares (sorted: the index keeps
     * sets).
     */
    private String relevanceKey(Map<Path, SourceText> texts) {
      Digest d = new Digest().add(configKey);
      for (Map.Entry<Path, SourceText> e : texts.entrySet()) {
        d.add(e.getKey().toString());
        d.add(String.join(",", new TreeSet<>(e.getValue().index().calledNames)));
        d.add(String.join(",", new TreeSet<>(e.getValue().index().declaredNames)));
      }
      return d.hex();
    }

    /** The relevance fixpoint's outcome for files with these lexical facts, if kept; else null. */
    RelevancePlan relevancePlan(Map<Path, SourceText> texts) {
      if (tainted) return null;
      byte[] data = store.get(RELEVANCE, relevanceKey(texts));
      if (data == null) return null;
      try {
        RelevancePlan plan = RecordCodec.decode(data, RelevancePlan.class);
        return plan.paths().size() == plan.contentDigests().size() ? plan : null;
      } catch (CodecException | ClassCastException e) {
        return null;
      }
    }

    /** The digest of a file's content as this run found it; null when it could not read it. */
    String contentDigest(Path file) {
      FileEntry e = entries.get(file);
      return e == null ? null : e.contentDigest();
    }

    /**
     * The IR a parse of {@code file} with the content {@code digest} left in the cache (the file's
     * earlier text, for one that changed since), or null when there is none.
     */
    TranslationUnit keptParse(SourceFile file, String digest) {
      if (!cacheableIr.test(file.relativePath())) return null;
      String key =
          irKey(irBase, digest, file, optionKey(request, perFile, optionKeys, file.absolutePath()));
      byte[] data = store.get(IR, key);
      if (data == null) return null;
      try {
        return RecordCodec.decode(data, TranslationUnit.class);
      } catch (CodecException x) {
        return null;
      }
    }

    /** Keeps which files the fixpoint parsed, for the next run with the same lexical facts. */
    void keepRelevance(Map<Path, SourceText> texts, Set<Path> parsed, List<Integer> rounds) {
      if (tainted) return;
      List<String> paths = new ArrayList<>();
      List<String> digests = new ArrayList<>();
      for (Path p : parsed) {
        String digest = contentDigest(p);
        if (digest == null) return;
        paths.add(p.toString());
        digests.add(digest);
      }
      try {
        store.put(
            RELEVANCE,
            relevanceKey(texts),
            RecordCodec.encode(new RelevancePlan(paths, digests, List.copyOf(rounds))));
      } catch (CodecException e) {
        // the next run goes through the rounds
      }
    }

    /**
     * Stores what this scan computed: its file table, its plan and its result. Nothing when a file
     * changed under it.
     */
    void finish(ScanResult result, Set<Path> parsed, List<FileProblem> readProblems) {
      if (tableChanged) {
        try {
          store.put(
              FILES, tableKey, RecordCodec.encode(new FileTable(List.copyOf(entries.values()))));
        } catch (CodecException e) {
          // the next run reads every file again
        }
      }
      if (tainted) return;
      List<String> names = new ArrayList<>();
      for (Path p : new TreeSet<>(parsed)) names.add(p.toString());
      String lexical = lexicalKey(readProblems);
      String key = resultKey(lexical, names);
      if (key == null) return;
      try {
        byte[] data = RecordCodec.encode(result);
        store.put(PLAN, lexical, RecordCodec.encode(names));
        store.put(RESULT, key, data);
      } catch (CodecException e) {
        // a result the codec cannot carry is computed every time
      }
    }
  }

  /**
   * The {@code ir} entries alone, for a scan that reads files itself (the language server's scans
   * that read the disk): the same keys as a {@link Run}'s, with the digest of the text as read.
   * Valid UTF-8 re-encodes to the bytes it was decoded from; a file that is not valid UTF-8 gets a
   * key of its own, whose parse is that of the same decoded text.
   */
  IrCache irCache(
      ScanRequest request, Map<Path, FrontendOptions> perFile, Predicate<String> cacheableIr) {
    if (!store.usable()) return null;
    for (Path p : request.paths()) {
      Path scanned = p.toAbsolutePath().normalize();
      if (store.dir().startsWith(scanned)) return null;
    }
    return new IrCache(request, perFile, cacheableIr, includeState(request, perFile));
  }

  /** Parses served by, and stored into, the {@code ir} entries. */
  final class IrCache {
    private final ScanRequest request;
    private final Map<Path, FrontendOptions> perFile;
    private final Predicate<String> cacheableIr;
    private final String irBase;
    private final Map<String, String> optionKeys = new ConcurrentHashMap<>();

    private IrCache(
        ScanRequest request,
        Map<Path, FrontendOptions> perFile,
        Predicate<String> cacheableIr,
        String includeState) {
      this.request = request;
      this.perFile = perFile;
      this.cacheableIr = cacheableIr;
      this.irBase = new Digest().add(BuildId.current()).add(includeState).hex();
    }

    /**
     * The IR of {@code file} (whose text is read): kept, else parsed and stored; parsed alone when
     * its frontend's parses are not cached (a Java file's depends on the others).
     */
    TranslationUnit parse(Frontend frontend, SourceFile file) {
      if (!cacheableIr.test(file.relativePath())) return frontend.parse(file);
      String key =
          irKey(
              irBase,
              Digest.of(file.text().getBytes(StandardCharsets.UTF_8)),
              file,
              optionKey(request, perFile, optionKeys, file.absolutePath()));
      byte[] data = store.get(IR, key);
      if (data != null) {
        try {
          return RecordCodec.decode(data, TranslationUnit.class);
        } catch (CodecException x) {
          // damaged in a way the checksum missed: parse again
        }
      }
      TranslationUnit unit = frontend.parse(file);
      try {
        store.put(IR, key, RecordCodec.encode(unit));
      } catch (CodecException x) {
        // an IR the codec cannot carry is parsed every time
      }
      return unit;
    }
  }

  /** The key of a file's IR: its content, its names (the parser expands __FILE__), its options. */
  private static String irKey(
      String irBase, String contentDigest, SourceFile file, String options) {
    return new Digest()
        .add(irBase)
        .add(contentDigest)
        .add(file.relativePath())
        .add(file.absolutePath().toAbsolutePath().normalize().toString())
        .add(options)
        .hex();
  }

  /**
   * The options a C file is parsed with (the compilation database's for its unit, else the scan's),
   * memoized in {@code keys} per unit.
   */
  private static String optionKey(
      ScanRequest request,
      Map<Path, FrontendOptions> perFile,
      Map<String, String> keys,
      Path file) {
    FrontendOptions own = perFile.isEmpty() ? null : perFile.get(file.toAbsolutePath().normalize());
    String name = own == null ? "" : file.toAbsolutePath().normalize().toString();
    return keys.computeIfAbsent(
        name,
        n -> {
          try {
            return new Digest()
                .add(RecordCodec.encode(own == null ? request.frontendOptions() : own))
                .add(n)
                .hex();
          } catch (CodecException x) {
            return "uncached-" + System.nanoTime();
          }
        });
  }

  /** A file's text is kept by the file itself: the cache stores its index only. */
  private static Object withoutText(Object v) {
    return v instanceof SourceFile f ? new SourceFile(f.absolutePath(), f.relativePath(), null) : v;
  }

  /** The request as the analysis sees it, and the contents of the model files it names. */
  private static String configKey(ScanRequest request, Path root, String includeState) {
    Digest d = new Digest().add(BuildId.current()).add(root.toString()).add(includeState);
    try {
      d.add(RecordCodec.encode(request));
    } catch (CodecException e) {
      d.add("uncached-" + System.nanoTime());
    }
    for (Path model : request.modelFiles()) {
      try {
        d.add(Files.readAllBytes(model));
      } catch (IOException e) {
        d.add("unreadable " + model); // loading the model fails the scan anyway
      }
    }
    return d.hex();
  }

  /**
   * The state (path, size, modification time) of every file in the directories the C frontend may
   * read headers from; empty when it reads none (no -I, no compilation database).
   */
  private static String includeState(ScanRequest request, Map<Path, FrontendOptions> perFile) {
    Set<Path> dirs = new TreeSet<>();
    addServedDirs(request.frontendOptions(), null, dirs);
    perFile.forEach((unit, options) -> addServedDirs(options, unit.getParent(), dirs));
    if (dirs.isEmpty()) return "";
    Digest d = new Digest();
    Path last = null;
    for (Path dir : dirs) {
      if (last != null && dir.startsWith(last)) continue; // walked with its parent
      last = dir;
      d.add(dir.toString());
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
          BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
          if (!a.isRegularFile()) continue;
          d.add(f.toString()).add(a.size()).add(a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }
      } catch (IOException | RuntimeException e) {
        d.add("unlisted-" + System.nanoTime()); // a fresh key: nothing reused
      }
    }
    return d.hex();
  }

  private static void addServedDirs(FrontendOptions o, Path ownDir, Set<Path> dirs) {
    for (Path p : o.includeDirs()) dirs.add(p.toAbsolutePath().normalize());
    for (Path p : o.quoteDirs()) dirs.add(p.toAbsolutePath().normalize());
    for (Path p : o.forcedIncludes()) {
      Path parent = p.toAbsolutePath().normalize().getParent();
      if (parent != null) dirs.add(parent);
    }
    if (ownDir != null) dirs.add(ownDir.toAbsolutePath().normalize());
  }
}
