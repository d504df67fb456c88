package dev.mrcheck.scan;

import dev.mrcheck.frontend.SourceFile;
import dev.mrcheck.suppress.Suppression;
import dev.mrcheck.suppress.SuppressionComments;
import java.util.List;

/**
 * A readable file, its cheap index and its suppression comments; unreadable files become {@link
 * FileProblem}s instead.
 */
record SourceText(SourceFile file, LexicalIndex index, List<Suppression> suppressions) {
  SourceText(SourceFile file, String text) {
    this(file, LexicalIndex.of(text), SuppressionComments.read(file.relativePath(), text));
  }
}
