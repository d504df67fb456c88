package dev.mrcheck.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A model file could not be read, parsed or bound. The message is ready to show to the user: one
 * {@code path:line:col: message} line per problem (or one plain line when the file cannot be read).
 */
public final class ModelException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ModelError> errors;

  public ModelException(List<ModelError> errors) {
    super(errors.stream().map(ModelError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  /** A problem with no position, such as a missing file. */
  public ModelException(String message) {
    super(message);
    this.errors = List.of();
  }

  /** The positioned problems, in file order; empty for a problem with no position. */
  public List<ModelError> errors() {
    return errors;
  }
}
