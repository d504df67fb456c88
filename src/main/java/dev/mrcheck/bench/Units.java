package dev.mrcheck.bench;

import java.util.Locale;

/** Human-readable figures: 2,522,992 / 1.23 GB / 9.81 s. */
final class Units {
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String bytes(long n) {
    if (n >= 1L << 30) {
      return String.format(Locale.ROOT, "%.2f GB", n / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.1f MB", n / (double) (1L << 20));
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private Units() {}
}
