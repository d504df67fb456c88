package dev.mrcheck.cache;

import dev.mrcheck.io.IoMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The on-disk cache: entries of a few kinds (a file's IR, a tree's file table, a scan's result),
 * each a file named by its key under {@code DIR/v1/KIND/}. Safe to share between processes: an
 * entry is written to a temporary file in its own directory and renamed into place, so a reader
 * sees a whole entry or none; each entry starts with a length and a CRC-32C of its payload, and one
 * that does not match (truncated, corrupted) is deleted and reported as a miss, never returned.
 * Hits refresh an entry's modification time, and when a run has written, the least recently used
 * entries are deleted until the cache is under 80% of its bound.
 *
 * <p>A cache that cannot be created or written warns once (through {@code warn}) and then acts as
 * an empty one that keeps nothing: caching never fails a scan.
 */
public final class CacheStore {
  /** Default bound on the cache's size. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;

  /** Set (to anything) in the environment, no scan uses the cache unless given --cache-dir. */
  public static final String DISABLE_ENV = "MRCHECK_NO_CACHE";

  /** The default cache directory, when set in the environment. */
  public static final String DIR_ENV = "MRCHECK_CACHE_DIR";

  private static final String LAYOUT = "v1";
  private static final String LAST_RUN = "last-run.properties";
  private static final byte[] MAGIC = "MRC1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 4;
  private static final String TEMP_PREFIX = ".tmp-";
  private static final long STALE_TEMP_MILLIS = 3_600_000;

  private final Path dir;
  private final long maxBytes;
  private final Consumer<String> warn;
  private final AtomicBoolean usable = new AtomicBoolean(true);
  private final AtomicBoolean warned = new AtomicBoolean();
  private final AtomicBoolean prepared = new AtomicBoolean();
  private final AtomicLong written = new AtomicLong();
  private final Map<String, Counts> counts = new ConcurrentHashMap<>();

  /** Per kind of entry: what this run asked for and found. */
  public static final class Counts {
    final AtomicLong hits = new AtomicLong();
    final AtomicLong misses = new AtomicLong();
    final AtomicLong corrupt = new AtomicLong();
    final AtomicLong writes = new AtomicLong();

    public long hits() {
      return hits.get();
    }

    public long misses() {
      return misses.get();
    }

    public long corrupt() {
      return corrupt.get();
    }

    public long writes() {
      return writes.get();
    }
  }

  public CacheStore(Path dir, long maxBytes, Consumer<String> warn) {
    this.dir = dir.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.warn = warn;
  }

  /**
   * The user's cache directory for mrcheck: {@code $MRCHECK_CACHE_DIR}, else {@code
   * $XDG_CACHE_HOME/mrcheck}, else {@code ~/.cache/mrcheck}.
   */
  public static Path defaultDir(Map<String, String> env) {
    String own = env.get(DIR_ENV);
    if (own != null && !own.isBlank()) return Path.of(own);
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "mrcheck");
    return Path.of(System.getProperty("user.home"), ".cache", "mrcheck");
  }

  public Path dir() {
    return dir;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Whether entries are still read and written (false after the one warning). */
  public boolean usable() {
    return usable.get();
  }

  /** Turns the cache off for this run with one warning, e.g. when it lies in the scanned tree. */
  public void disable(String why) {
    usable.set(false);
    if (warned.compareAndSet(false, true))
      warn.accept("cache " + dir + " not used: " + why + "; scanning without it");
  }

  /** The entry's payload, or null when it is absent, unreadable or damaged (then deleted). */
  public byte[] get(String kind, String key) {
    Counts c = counts(kind);
    if (!usable.get()) {
      c.misses.incrementAndGet();
      return null;
    }
    Path file = entry(kind, key);
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      c.misses.incrementAndGet();
      return null;
    } catch (IOException e) {
      c.misses.incrementAndGet();
      return null;
    }
    byte[] payload = payload(data);
    if (payload == null) {
      c.corrupt.incrementAndGet();
      c.misses.incrementAndGet();
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // another run may have replaced or removed it; a damaged entry is never read anyway
      }
      return null;
    }
    c.hits.incrementAndGet();
    try {
      Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // a read-only cache still serves; only its eviction order ages
    }
    return payload;
  }

  /** The payload of a whole, undamaged entry; null otherwise. */
  private static byte[] payload(byte[] data) {
    if (data.length < HEADER) return null;
    for (int i = 0; i < MAGIC.length; i++) if (data[i] != MAGIC[i]) return null;
    ByteBuffer b = ByteBuffer.wrap(data);
    int length = b.getInt(MAGIC.length);
    int crc = b.getInt(MAGIC.length + 4);
    if (length != data.length - HEADER) return null;
    CRC32C check = new CRC32C();
    check.update(data, HEADER, length);
    if ((int) check.getValue() != crc) return null;
    byte[] out = new byte[length];
    System.arraycopy(data, HEADER, out, 0, length);
    return out;
  }

  /** Stores an entry atomically; a failure warns once and turns the cache off for this run. */
  public void put(String kind, String key, byte[] payload) {
    if (!usable.get()) return;
    Path file = entry(kind, key);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
    b.put(MAGIC).putInt(payload.length).putInt((int) crc.getValue()).put(payload);
    Path temp = null;
    try {
      prepare();
      Files.createDirectories(file.getParent());
      temp = Files.createTempFile(file.getParent(), TEMP_PREFIX, "");
      Files.write(temp, b.array());
      replace(temp, file);
      temp = null;
      counts(kind).writes.incrementAndGet();
      written.addAndGet(b.capacity());
    } catch (IOException | UncheckedIOException | SecurityException e) {
      disable("cannot write there (" + reason(e) + ")");
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // left for the next eviction, which removes old temporaries
        }
      }
    }
  }

  /**
   * Creates the directory with a {@code CACHEDIR.TAG}, which tells backup tools to skip it; once a
   * run.
   */
  private void prepare() throws IOException {
    if (prepared.get()) return;
    Files.createDirectories(dir);
    Path tag = dir.resolve("CACHEDIR.TAG");
    if (!Files.exists(tag)) {
      Path temp = Files.createTempFile(dir, TEMP_PREFIX, "");
      Files.writeString(
          temp,
          "Signature: 8a477f597d28d172789f06886806bc55\n"
              + "# This directory is mrcheck's cache (mrcheck cache info|clear).\n");
      replace(temp, tag);
    }
    prepared.set(true);
  }

  /**
   * Moves {@code temp} over {@code target} in one step. A non-atomic REPLACE_EXISTING deletes the
   * target first, and fails when a concurrent scan deleted it in between.
   */
  private static void replace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String reason(Exception e) {
    if (e instanceof IOException io) return IoMessages.reason(io);
    if (e instanceof UncheckedIOException u) return IoMessages.reason(u.getCause());
    return e.getMessage();
  }

  public Counts counts(String kind) {
    return counts.computeIfAbsent(kind, k -> new Counts());
  }

  /** This run's counts, by kind. */
  public Map<String, Counts> allCounts() {
    return new TreeMap<>(counts);
  }

  /** One line for {@code --profile}: hits and misses per kind. */
  public String countsLine() {
    StringBuilder sb = new StringBuilder("cache " + dir + ":");
    if (!usable.get() && counts.isEmpty()) return sb.append(" not used").toString();
    String sep = " ";
    for (Map.Entry<String, Counts> e : allCounts().entrySet()) {
      Counts c = e.getValue();
      sb.append(sep).append(e.getKey()).append(' ').append(c.hits()).append(" hits, ");
      sb.append(c.misses()).append(" misses");
      if (c.corrupt() > 0) sb.append(" (").append(c.corrupt()).append(" damaged)");
      if (c.writes() > 0) sb.append(", ").append(c.writes()).append(" written");
      sep = "; ";
    }
    return sb.toString();
  }

  /**
   * Ends a run: records its counts for {@code mrcheck cache info}, and when it wrote, evicts the
   * least recently used entries over the bound.
   */
  public void finish() {
    if (!usable.get() || !Files.isDirectory(dir)) return;
    try {
      if (written.get() > 0) evict();
      Properties p = new Properties();
      for (Map.Entry<String, Counts> e : allCounts().entrySet()) {
        p.setProperty(e.getKey() + ".hits", Long.toString(e.getValue().hits()));
        p.setProperty(e.getKey() + ".misses", Long.toString(e.getValue().misses()));
        p.setProperty(e.getKey() + ".damaged", Long.toString(e.getValue().corrupt()));
        p.setProperty(e.getKey() + ".written", Long.toString(e.getValue().writes()));
      }
      StringBuilder text = new StringBuilder();
      for (String k : new TreeSet<>(p.stringPropertyNames()))
        text.append(k).append('=').append(p.getProperty(k)).append('\n');
      Path temp = Files.createTempFile(dir, TEMP_PREFIX, "");
      Files.writeString(temp, text);
      replace(temp, dir.resolve(LAST_RUN));
    } catch (IOException | UncheckedIOException e) {
      disable("cannot write there (" + reason(e) + ")");
    }
  }

  private record Stored(Path file, long size, long modified) {}

  /** Deletes least recently used entries until the cache is under 80% of its bound. */
  void evict() throws IOException {
    List<Stored> all = entries();
    long total = 0;
    for (Stored s : all) total += s.size();
    if (total <= maxBytes) return;
    all.sort(Comparator.comparingLong(Stored::modified));
    long target = maxBytes / 10 * 8;
    for (Stored s : all) {
      if (total <= target) break;
      try {
        Files.deleteIfExists(s.file());
      } catch (IOException e) {
        continue;
      }
      total -= s.size();
    }
  }

  /** Every entry file; old temporaries that a killed run left are deleted on the way. */
  private List<Stored> entries() throws IOException {
    List<Stored> out = new ArrayList<>();
    Path root = dir.resolve(LAYOUT);
    if (!Files.isDirectory(root)) return out;
    long now = System.currentTimeMillis();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            long modified = attrs.lastModifiedTime().toMillis();
            if (file.getFileName().toString().startsWith(TEMP_PREFIX)) {
              if (now - modified > STALE_TEMP_MILLIS) Files.deleteIfExists(file);
            } else if (attrs.isRegularFile()) {
              out.add(new Stored(file, attrs.size(), modified));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // removed by a concurrent run
          }
        });
    return out;
  }

  /** What {@code mrcheck cache info} shows. */
  public record Info(
      Path dir,
      boolean exists,
      Map<String, Long> entries,
      Map<String, Long> bytes,
      long maxBytes,
      Map<String, String> lastRun) {
    public long totalEntries() {
      return entries.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalBytes() {
      return bytes.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  public Info info() throws IOException {
    Map<String, Long> entries = new TreeMap<>();
    Map<String, Long> bytes = new TreeMap<>();
    Path root = dir.resolve(LAYOUT);
    for (Stored s : entries()) {
      String kind = root.relativize(s.file()).getName(0).toString();
      entries.merge(kind, 1L, Long::sum);
      bytes.merge(kind, s.size(), Long::sum);
    }
    Map<String, String> last = new TreeMap<>();
    Path lastRun = dir.resolve(LAST_RUN);
    if (Files.isRegularFile(lastRun)) {
      for (String line : Files.readAllLines(lastRun, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (eq > 0) last.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return new Info(dir, Files.isDirectory(dir), entries, bytes, maxBytes, last);
  }

  /**
   * Deletes every entry and the last run's counts; only what this cache wrote (its layout
   * directory, its temporaries and files), never other files a user put in the directory.
   */
  public long clear() throws IOException {
    long removed = 0;
    for (Stored s : entries()) {
      if (Files.deleteIfExists(s.file())) removed++;
    }
    Path root = dir.resolve(LAYOUT);
    if (Files.isDirectory(root)) {
      List<Path> dirs = new ArrayList<>();
      try (var walk = Files.walk(root)) {
        walk.filter(Files::isDirectory).forEach(dirs::add);
      }
      dirs.sort(Comparator.reverseOrder());
      for (Path d : dirs) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(d)) {
          for (Path f : left)
            if (f.getFileName().toString().startsWith(TEMP_PREFIX)) Files.deleteIfExists(f);
        }
        try {
          Files.deleteIfExists(d);
        } catch (DirectoryNotEmptyException e) {
          // a concurrent run is writing into it
        }
      }
    }
    Files.deleteIfExists(dir.resolve(LAST_RUN));
    return removed;
  }

  private Path entry(String kind, String key) {
    return dir.resolve(LAYOUT).resolve(kind).resolve(key.substring(0, 2)).resolve(key);
  }
}
