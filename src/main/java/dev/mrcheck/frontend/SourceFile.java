package dev.mrcheck.frontend;

import java.nio.file.Path;

/**
 * A file to analyze: where it is, how reports name it (relative to the scan root), and its text.
 */
public record SourceFile(Path absolutePath, String relativePath, String text) {}
