package dev.mrcheck.scan;

import dev.mrcheck.ir.SourceLoc;

/**
 * A problem with the input rather than the code: unreadable file, parse error, dropped function.
 */
public record FileProblem(SourceLoc loc, String message) {}
