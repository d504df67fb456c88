package dev.mrcheck.model;

import java.util.Locale;

/**
 * Which reference semantics of QEMU's memory core to check against (docs/lifetime.md#semantics).
 */
public enum Semantics {
  /** QEMU before 10.2: a container always references its subregions' owner. */
  LEGACY,
  /** QEMU 10.2 and later: only when the owners differ; same-owner pairs are auto-detached. */
  CURRENT,
  /** The proposed series: a region references its owner; qdev unparents regions after unrealize. */
  REFCOUNT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
