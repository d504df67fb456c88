package dev.mrcheck.scan;

import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.suppress.Suppression;
import dev.mrcheck.suppress.SuppressionComments;
import java.util.List;

/**
 * A readable file, its cheap index and its suppression comments; unreadable files become {@link
 * FileProblem}s instead. A file the on-disk cache did not read again ({@link PersistentCache}) has
 * no text ({@code file().text()} is null): the scan may use nothing else of a file it does not
 * parse, and a parse reads the text first.
 */
record SourceText(SourceFile file, LexicalIndex index, List<Suppression> suppressions) {
  SourceText(SourceFile file, String text) {
    this(file, LexicalIndex.of(text), SuppressionComments.read(file.relativePath(), text));
  }
}
