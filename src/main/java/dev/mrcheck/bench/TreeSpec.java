package dev.mrcheck.bench;

/**
 * What tree to generate.
 *
 * @param files number of files (.c and .h together)
 * @param lines total number of lines to aim for (the result lands within a few percent)
 * @param seed the same seed gives byte-identical trees
 * @param memoryApiShare share of .c files that call the modelled memory API
 */
public record TreeSpec(int files, long lines, long seed, double memoryApiShare) {
  public static final int DEFAULT_FILES = 4000;
  public static final long DEFAULT_LINES = 2_500_000L;
  public static final long DEFAULT_SEED = 20251;

  /**
   * Measured on QEMU 11's hw/: 721 of 1481 .c files call a memory_region_init* function and 788
   * call one of the modelled functions (init, add/del_subregion, ref/unref, address_space_init,
   * pci_register_bar, sysbus_init_mmio), i.e. about half.
   */
  public static final double DEFAULT_MEMORY_API_SHARE = 0.5;

  public TreeSpec {
    if (files < 4) {
      throw new IllegalArgumentException("--files must be at least 4, got " + files);
    }
    if (lines < files * 40L) {
      throw new IllegalArgumentException(
          "--lines must be at least 40 per file (" + files * 40L + "), got " + lines);
    }
    if (!(memoryApiShare >= 0 && memoryApiShare <= 1)) {
      throw new IllegalArgumentException(
          "memory-API share must be within 0..1, got " + memoryApiShare);
    }
  }

  public static TreeSpec defaults() {
    return new TreeSpec(DEFAULT_FILES, DEFAULT_LINES, DEFAULT_SEED, DEFAULT_MEMORY_API_SHARE);
  }
}
