package dev.mrcheck.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreTest {
  @TempDir Path tmp;

  private final List<String> warnings = new ArrayList<>();

  private CacheStore store(Path dir, long max) {
    return new CacheStore(dir, max, warnings::add);
  }

  private static byte[] payload(int size, int seed) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) seed);
    return b;
  }

  private static List<Path> entryFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir.resolve("v1"))) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void storesAndReturnsAnEntry() {
    CacheStore s = store(tmp.resolve("c"), CacheStore.DEFAULT_MAX_BYTES);
    assertThat(s.get("ir", "00aa")).isNull();
    s.put("ir", "00aa", payload(100, 7));
    assertThat(s.get("ir", "00aa")).isEqualTo(payload(100, 7));
    assertThat(s.counts("ir").hits()).isEqualTo(1);
    assertThat(s.counts("ir").misses()).isEqualTo(1);
    assertThat(tmp.resolve("c/CACHEDIR.TAG")).exists();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aTruncatedOrCorruptedEntryIsAMissAndIsDeleted() throws IOException {
    Path dir = tmp.resolve("c");
    CacheStore s = store(dir, CacheStore.DEFAULT_MAX_BYTES);
    s.put("ir", "00aa", payload(100, 7));
    s.put("ir", "00bb", payload(100, 8));
    Path a = entryFiles(dir).stream().filter(p -> p.endsWith("00aa")).findFirst().orElseThrow();
    Path b = entryFiles(dir).stream().filter(p -> p.endsWith("00bb")).findFirst().orElseThrow();
    byte[] whole = Files.readAllBytes(a);
    Files.write(a, Arrays.copyOf(whole, whole.length - 10));
    byte[] flipped = Files.readAllBytes(b);
    flipped[flipped.length - 1] ^= 1;
    Files.write(b, flipped);

    assertThat(s.get("ir", "00aa")).isNull();
    assertThat(s.get("ir", "00bb")).isNull();
    assertThat(s.counts("ir").corrupt()).isEqualTo(2);
    assertThat(a).doesNotExist();
    assertThat(b).doesNotExist();
    s.put("ir", "00aa", payload(100, 7));
    assertThat(s.get("ir", "00aa")).isEqualTo(payload(100, 7));
  }

  @Test
  void concurrentWritersOfOneKeyLeaveAWholeEntry() throws Exception {
    Path dir = tmp.resolve("c");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      List<byte[]> seen = Collections.synchronizedList(new ArrayList<>());
      for (int t = 0; t < 4; t++) {
        int seed = t;
        done.add(
            pool.submit(
                () -> {
                  // each thread its own store: as separate processes would
                  CacheStore s = store(dir, CacheStore.DEFAULT_MAX_BYTES);
                  for (int i = 0; i < 50; i++) {
                    s.put("result", "00cc", payload(1000 + 1000 * seed, seed));
                    byte[] got = s.get("result", "00cc");
                    if (got != null) seen.add(got);
                  }
                }));
      }
      for (Future<?> f : done) f.get();
      assertThat(seen).isNotEmpty();
      for (byte[] got : seen) {
        int seed = got[0];
        assertThat(got).isEqualTo(payload(1000 + 1000 * seed, seed));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(warnings).isEmpty();
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith(".tmp-"))).isEmpty();
    }
  }

  @Test
  void evictionDropsTheLeastRecentlyUsedEntriesOverTheBound() throws IOException {
    Path dir = tmp.resolve("c");
    CacheStore s = store(dir, 10_000);
    for (int i = 0; i < 10; i++) s.put("ir", String.format("%04d", i), payload(1500, i));
    // entries 0..9 written in order; make their ages explicit, then use entry 0 again
    long now = System.currentTimeMillis();
    for (Path p : entryFiles(dir)) {
      int i = Integer.parseInt(p.getFileName().toString());
      Files.setLastModifiedTime(p, FileTime.fromMillis(now - 100_000 + i * 1000));
    }
    assertThat(s.get("ir", "0000")).isNotNull();
    s.finish();
    List<String> left = entryFiles(dir).stream().map(p -> p.getFileName().toString()).toList();
    long total = 0;
    for (Path p : entryFiles(dir)) total += Files.size(p);
    assertThat(total).isLessThanOrEqualTo(8_000);
    assertThat(left).contains("0000", "0009").doesNotContain("0001", "0002");
  }

  @Test
  void anUnwritableDirectoryWarnsOnceAndKeepsNothing() throws IOException {
    Path notADir = Files.writeString(tmp.resolve("file"), "x");
    CacheStore s = store(notADir, CacheStore.DEFAULT_MAX_BYTES);
    s.put("ir", "00aa", payload(10, 1));
    s.put("ir", "00bb", payload(10, 1));
    assertThat(s.get("ir", "00aa")).isNull();
    s.finish();
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains(notADir.toString()).contains("scanning without it");
    assertThat(Files.readString(notADir)).isEqualTo("x");
  }

  @Test
  void clearDeletesEntriesButNotOtherFiles() throws IOException {
    Path dir = tmp.resolve("c");
    CacheStore s = store(dir, CacheStore.DEFAULT_MAX_BYTES);
    s.put("ir", "00aa", payload(10, 1));
    s.put("result", "00bb", payload(10, 1));
    s.finish();
    Path mine = Files.writeString(dir.resolve("notes.txt"), "keep");
    assertThat(s.info().totalEntries()).isEqualTo(2);
    assertThat(s.info().lastRun()).containsEntry("ir.written", "1");
    assertThat(s.clear()).isEqualTo(2);
    assertThat(s.info().totalEntries()).isZero();
    assertThat(mine).exists();
  }
}
