package dev.mrcheck.bench;

/**
 * What Java tree to generate.
 *
 * @param classes number of classes, one per file: the API stubs, the subsystems' region helpers,
 *     device classes in both binding styles and plain logic classes together
 * @param seed the same seed gives byte-identical trees
 */
public record JavaTreeSpec(int classes, long seed) {
  public static final int DEFAULT_CLASSES = 2000;

  /** Room for the stubs, one helper and a handful of devices. */
  static final int MIN_CLASSES = JavaStubs.COUNT + 6;

  public JavaTreeSpec {
    if (classes < MIN_CLASSES) {
      throw new IllegalArgumentException(
          "--java-classes must be at least " + MIN_CLASSES + ", got " + classes);
    }
  }

  public static JavaTreeSpec defaults() {
    return new JavaTreeSpec(DEFAULT_CLASSES, TreeSpec.DEFAULT_SEED);
  }
}
