package dev.mrcheck.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The text of a scanned file by its scan-relative name, or null if it cannot be read. */
@FunctionalInterface
public interface SourceTexts {
  String read(String file);

  /**
   * The files on disk under the scan root, strictly UTF-8 (null otherwise): fixes are written back, and
   * must not replace the bytes they could not decode.
   */
  static SourceTexts under(Path root) {
    return file -> {
      try {
        return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        return null;
      }
    };
  }

  /**
   * The files on disk under the scan root, for showing: invalid UTF-8 is decoded as U+FFFD, as the
   * frontends read sources (legacy Latin-1 comments must not hide a file's code).
   */
  static SourceTexts lenient(Path root) {
    return file -> {
      try {
        return StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .decode(ByteBuffer.wrap(Files.readAllBytes(root.resolve(file)))).toString();
      } catch (IOException | RuntimeException e) {
        return null;
      }
    };
  }
}
