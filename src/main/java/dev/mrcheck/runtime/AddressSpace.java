package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;

/**
 * An AddressSpace: registered at init, it holds a reference on its root until its RCU destroy runs.
 */
public final class AddressSpace implements Holder {
  /** Where the address space is in its life. */
  public enum State {
    /** Registered in the global list; its root is visible. */
    LIVE,
    /**
     * Detached by {@code address_space_destroy}; the reference is dropped when RCU runs the
     * callback.
     */
    DESTROY_PENDING,
    /** The destroy callback ran: the root reference is released. */
    DESTROYED
  }

  private final String name;
  private final Region root;
  State state = State.LIVE;
  boolean freed;
  Ref rootRef;

  /**
   * The object whose code holds the address space (embedded in it, or pointed to by it), or null.
   */
  QObject keptBy;

  /** Where the destroy was lost (its RCU callback overwritten or its memory freed), or null. */
  SourceLoc destroyLostAt;

  String destroyLostHow;

  AddressSpace(String name, Region root) {
    this.name = name;
    this.root = root;
  }

  public String name() {
    return name;
  }

  public Region root() {
    return root;
  }

  public State state() {
    return state;
  }

  public boolean isFreed() {
    return freed;
  }

  /** True when {@code address_space_destroy} was called but its effect can never happen. */
  public boolean destroyLost() {
    return destroyLostAt != null || destroyLostHow != null;
  }

  /**
   * Where the destroy was lost (the g_free or g_free_rcu that discarded or overwrote it), or null.
   */
  public SourceLoc destroyLostAt() {
    return destroyLostAt;
  }

  @Override
  public String label() {
    return "address space " + name + (destroyLost() ? " (its destroy was lost)" : "");
  }

  @Override
  public String toString() {
    return label();
  }
}
