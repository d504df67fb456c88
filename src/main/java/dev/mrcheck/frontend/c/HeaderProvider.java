package dev.mrcheck.frontend.c;

import dev.mrcheck.io.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.cdt.core.index.IIndexFileLocation;
import org.eclipse.cdt.core.parser.FileContent;
import org.eclipse.cdt.internal.core.parser.IMacroDictionary;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContent;
import org.eclipse.cdt.internal.core.parser.scanner.InternalFileContentProvider;

/**
 * Serves the built-in prelude and headers under the directories the options allow (the user's
 * {@code -I}; with a compilation database also {@code -iquote}, forced includes and the unit's own
 * directory, see {@link PreprocessorSetup}); every other include is reported missing. CDT's own
 * saved-files provider needs a running Eclipse workspace, and without a build's word, resolving
 * includes next to the scanned file would make results depend on whatever headers happen to sit
 * there.
 *
 * <p>One instance per parse: the base class tracks pragma-once state per translation unit.
 */
final class HeaderProvider extends InternalFileContentProvider {
  /** Where the per-file guessed string macros are served from (see {@link StringMacroGuesser}). */
  static final String GUESSED_PATH = "/mrcheck-builtin/guessed-macros.h";

  private final List<Path> servedDirs;
  private final String guessedMacros;

  HeaderProvider(List<Path> servedDirs, String guessedMacros) {
    this.servedDirs = servedDirs;
    this.guessedMacros = guessedMacros;
  }

  @Override
  public boolean getInclusionExists(String path) {
    if (Prelude.PATH.equals(path) || GUESSED_PATH.equals(path)) return true;
    Path p = underIncludeDir(path);
    return p != null && Files.isRegularFile(p);
  }

  @Override
  public InternalFileContent getContentForInclusion(String path, IMacroDictionary macros) {
    if (Prelude.PATH.equals(path)) return content(path, Prelude.text());
    if (GUESSED_PATH.equals(path)) return content(path, guessedMacros);
    Path p = underIncludeDir(path);
    if (p == null) return null;
    try {
      return content(path, read(p));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public InternalFileContent getContentForInclusion(IIndexFileLocation location, String astPath) {
    return null;
  }

  private Path underIncludeDir(String path) {
    Path p;
    try {
      p = Path.of(path).toAbsolutePath().normalize();
    } catch (RuntimeException e) {
      return null;
    }
    for (Path dir : servedDirs) {
      if (p.startsWith(dir)) return p;
    }
    return null;
  }

  private static InternalFileContent content(String path, String text) {
    return (InternalFileContent) FileContent.create(path, text.toCharArray());
  }

  private static String read(Path p) throws IOException {
    // Only a regular file of sane size: an included link to /dev/zero must not exhaust the heap.
    return SourceReader.readText(p, SourceReader.DEFAULT_MAX_BYTES);
  }
}
