package dev.mrcheck.runtime;

/**
 * Something that can hold a reference: a QOM object or region, an address space (its root), a
 * mapping, or code outside the model (the caller, the creator of an object).
 */
public sealed interface Holder permits Node, AddressSpace, Mapping, Holder.External {
  /** How the holder is named in traces and outcomes. */
  String label();

  /**
   * A reference held from outside the model: the code that created an object, or a test calling the
   * API directly. References held this way make their target legitimately alive.
   */
  record External(String label) implements Holder {}

  /** The caller of the model's API: whoever calls {@code objectRef}/{@code ref} directly. */
  External CALLER = new External("caller");
}
