package dev.mrcheck.model;

/**
 * One problem in a model file, printed the way compilers print them: {@code path:line:col:
 * message}.
 */
public record ModelError(String file, int line, int column, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
