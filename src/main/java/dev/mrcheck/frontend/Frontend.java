package dev.mrcheck.frontend;

import dev.mrcheck.ir.TranslationUnit;

/**
 * Turns one source file into IR. Implementations never throw on bad input: problems go into the
 * unit.
 */
public interface Frontend {
  /** Whether this frontend handles the file, by its name. */
  boolean accepts(String fileName);

  TranslationUnit parse(SourceFile file);
}
