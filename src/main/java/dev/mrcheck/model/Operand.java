package dev.mrcheck.model;

import java.io.Serializable;

/**
 * What an effect applies to: an argument of the call, its return value, or a well-known global
 * region.
 */
public sealed interface Operand extends Serializable {
  /**
   * The {@code index}-th argument (0-based); {@code field} optionally selects a member of it (e.g.
   * {@code .mr}).
   */
  record Arg(int index, String field) implements Operand {}

  /**
   * The call's result; {@code field} optionally selects a member ({@code
   * memory_region_find(...).mr}).
   */
  record Result(String field) implements Operand {}

  /**
   * A region that lives outside every device: {@code system_memory}, {@code system_io}, a PCI bus
   * space.
   */
  record Global(String name) implements Operand {}
}
