package dev.mrcheck.scan;

import dev.mrcheck.frontend.SourceFile;

/** A readable file and its cheap index; unreadable files become {@link FileProblem}s instead. */
record SourceText(SourceFile file, LexicalIndex index) {}
