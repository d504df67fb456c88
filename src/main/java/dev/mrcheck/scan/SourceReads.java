package dev.mrcheck.scan;

import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.io.IoMessages;
import dev.mrcheck.io.SkippedFileException;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.ir.SourceLoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Reads a scan's source files into texts or problems: in parallel, from an editor's unsaved buffer
 * when there is one, from the in-memory cache when neither file nor buffer changed; binary and
 * oversized files are problems, never texts. Paths are reported relative to the scan root.
 */
final class SourceReads {
  private SourceReads() {}

  static Map<Path, SourceText> readAll(
      List<Path> files,
      Path root,
      ExecutorService pool,
      List<FileProblem> problems,
      ScanOverlay overlay,
      ScanListener listener,
      long maxBytes)
      throws ScanException {
    List<Future<FileRead>> futures = new ArrayList<>();
    for (Path f : files) {
      String unsaved = overlay.text(f);
      futures.add(
          pool.submit(
              () -> {
                FileRead r = load(f, root, unsaved, overlay, maxBytes);
                listener.fileDone();
                return r;
              }));
    }
    Map<Path, SourceText> out = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      FileRead r = Scanner.await(futures.get(i));
      if (r instanceof FileRead.Text t) out.put(files.get(i), t.text());
      else if (r instanceof FileRead.Problem p) problems.add(p.problem());
    }
    return out;
  }

  /** A file's text and index, taken from the cache when neither the file nor its buffer changed. */
  private static FileRead load(
      Path file, Path root, String unsaved, ScanOverlay overlay, long maxBytes) {
    ScanCache cache = overlay.cache();
    if (cache == null)
      return unsaved != null ? fromText(file, root, unsaved) : read(file, root, maxBytes);
    Path key = file.toAbsolutePath().normalize();
    BasicFileAttributes attrs = null;
    if (unsaved == null && !overlay.diskUnchanged()) {
      try {
        attrs = Files.readAttributes(file, BasicFileAttributes.class);
      } catch (IOException e) {
        return read(file, root, maxBytes); // reports the problem
      }
    }
    SourceText kept =
        cache.text(key, relative(root, file), unsaved, attrs, overlay.diskUnchanged());
    if (kept != null) return new FileRead.Text(kept);
    FileRead fresh = unsaved != null ? fromText(file, root, unsaved) : read(file, root, maxBytes);
    if (fresh instanceof FileRead.Text t) cache.putText(key, unsaved, attrs, t.text());
    return fresh;
  }

  static FileRead read(Path file, Path root, long maxBytes) {
    return read(file, root, maxBytes, null);
  }

  /** As {@link #read(Path, Path, long)}; {@code bytes}, if given, hears the file's bytes. */
  static FileRead read(Path file, Path root, long maxBytes, Consumer<byte[]> bytes) {
    String rel = relative(root, file);
    try {
      byte[] data = SourceReader.readBytes(file, maxBytes);
      if (bytes != null) bytes.accept(data);
      if (isBinary(data)) return problem(rel, "binary file skipped");
      String text = SourceReader.decode(data);
      return new FileRead.Text(new SourceText(new SourceFile(file, rel, text), text));
    } catch (SkippedFileException e) {
      return problem(rel, e.getMessage());
    } catch (IOException e) {
      return problem(rel, "cannot read file: " + IoMessages.reason(e));
    }
  }

  private static FileRead problem(String rel, String message) {
    return new FileRead.Problem(new FileProblem(SourceLoc.of(rel, 1, 1), message));
  }

  private static FileRead fromText(Path file, Path root, String text) {
    return new FileRead.Text(
        new SourceText(new SourceFile(file, relative(root, file), text), text));
  }

  private static boolean isBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) if (bytes[i] == 0) return true;
    return false;
  }

  static String relative(Path root, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path rel = abs.startsWith(root) ? root.relativize(abs) : abs;
    return rel.toString().replace('\\', '/');
  }
}
