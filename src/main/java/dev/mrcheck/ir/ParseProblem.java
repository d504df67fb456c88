package dev.mrcheck.ir;

/**
 * Something the frontend could not parse; {@code droppedFunction} names a function definition lost
 * to it, or is null.
 */
public record ParseProblem(SourceLoc loc, String message, String droppedFunction) {}
