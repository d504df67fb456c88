package dev.mrcheck.fix;

import dev.mrcheck.io.SourceReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The text of a scanned file by its scan-relative name, or null if it cannot be read. */
@FunctionalInterface
public interface SourceTexts {
  String read(String file);

  /**
   * The files on disk under the scan root, for showing and analysis: invalid UTF-8 is decoded as
   * U+FFFD, as the frontends read sources (a Latin-1 comment must not hide a file's code).
   */
  static SourceTexts under(Path root) {
    return file -> {
      try {
        return SourceReader.readText(root.resolve(file), SourceReader.DEFAULT_MAX_BYTES);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    };
  }

  /**
   * The files on disk under the scan root that are valid UTF-8, else null: fixes are written back
   * (and offered in SARIF and HTML as what {@code mrcheck fix} writes), and must not turn the bytes
   * they could not decode into U+FFFD.
   */
  static SourceTexts exact(Path root) {
    return file -> {
      try {
        byte[] bytes = SourceReader.readBytes(root.resolve(file), SourceReader.DEFAULT_MAX_BYTES);
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (IOException | RuntimeException e) { // CharacterCodingException: not UTF-8
        return null;
      }
    };
  }
}
