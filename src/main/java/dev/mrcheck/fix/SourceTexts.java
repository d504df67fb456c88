package dev.mrcheck.fix;

import java.io.IOException;
import dev.mrcheck.io.SourceReader;
import java.nio.file.Path;

/** The text of a scanned file by its scan-relative name, or null if it cannot be read. */
@FunctionalInterface
public interface SourceTexts {
  String read(String file);

  /** The files on disk under the scan root. */
  static SourceTexts under(Path root) {
    return file -> {
      try {
        return SourceReader.readText(root.resolve(file), SourceReader.DEFAULT_MAX_BYTES);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    };
  }
}
