package dev.mrcheck.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A reference-counted QOM object: a plain object or a MemoryRegion. The reference count is the
 * number of references recorded on it, so each reference can say who holds it and why.
 */
public abstract sealed class Node implements Holder permits QObject, Region {
  private final String name;
  final List<Ref> refs = new ArrayList<>();
  final List<Node> children = new ArrayList<>();
  Node parent;

  /** The reference the parent holds through its child property, while there is one. */
  Ref parentRef;

  boolean finalizing;
  boolean finalized;

  Node(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  @Override
  public String label() {
    return name;
  }

  /** QOM's {@code obj->ref}: the number of references currently held on this node. */
  public int refcount() {
    return refs.size();
  }

  public boolean isFinalized() {
    return finalized;
  }

  /** The QOM parent holding this node as a child property, or null. */
  public Node parent() {
    return parent;
  }

  public List<Node> children() {
    return Collections.unmodifiableList(children);
  }

  /** The references currently held on this node, oldest first. */
  public List<Reference> references() {
    return refs.stream().map(Ref::view).toList();
  }

  /** Machine objects live as long as the process; they are never finalized. */
  boolean immortal() {
    return false;
  }

  @Override
  public String toString() {
    return name;
  }
}
