package dev.mrcheck.model;

import java.util.Locale;

/** The lifecycle role a function plays for a QOM type (docs/lifetime.md#phases). */
public enum Role {
  CLASS_INIT,
  INSTANCE_INIT,
  REALIZE,
  UNREALIZE,
  INSTANCE_FINALIZE;

  /** The name used in model files and messages: {@code instance_init}, {@code realize}, ... */
  public String modelName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
