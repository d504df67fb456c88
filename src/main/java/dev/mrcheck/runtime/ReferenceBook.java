package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import java.util.function.BiConsumer;

/**
 * The reference bookkeeping of a {@link RuntimeModel}: every reference taken or dropped on a node,
 * the parent/child links that are themselves references, and the check that a node is still alive.
 * Which references a call takes is the semantics' decision ({@link ReferencePolicy}); this only
 * records them, and hands a node whose last reference was dropped to the finalization.
 */
final class ReferenceBook {
  private final Journal journal;

  /** Finalizes a node (not a machine object) whose last reference was just dropped. */
  private final BiConsumer<Node, SourceLoc> onLastReference;

  ReferenceBook(Journal journal, BiConsumer<Node, SourceLoc> onLastReference) {
    this.journal = journal;
    this.onLastReference = onLastReference;
  }

  static Ref.Kind kindFor(Holder holder) {
    return holder instanceof Holder.External ? Ref.Kind.EXTERNAL : Ref.Kind.REGION_REF;
  }

  boolean isDead(Node n, String operation, SourceLoc loc) {
    if (!n.finalized) {
      return false;
    }
    String detail =
        n instanceof Region && operation.equals("memory_region_del_subregion")
            ? " (QEMU asserts subregion->container == mr: finalization detached it)"
            : "";
    journal.report(
        new Outcome.UseAfterFinalize(
            n.name(),
            operation,
            loc,
            operation + " on " + n.name() + ", which is already finalized" + detail));
    return true;
  }

  void link(Node parent, Node child, SourceLoc loc) {
    child.parent = parent;
    parent.children.add(child);
    child.parentRef =
        addRef(parent, child, Ref.Kind.CHILD, "child property of " + parent.name(), loc, null);
  }

  void unlinkFromParent(Node child, SourceLoc loc) {
    Node parent = child.parent;
    Ref ref = child.parentRef;
    child.parent = null;
    child.parentRef = null;
    parent.children.remove(child);
    journal.note(loc, child.name() + " unparented from " + parent.name());
    dropRef(ref, loc, "child property of " + parent.name() + " dropped");
  }

  /**
   * Records a reference; a reference on a finalized node is a use after finalization and is not
   * taken.
   */
  Ref addRef(Holder holder, Node target, Ref.Kind kind, String reason, SourceLoc loc, Region via) {
    if (target.finalized) {
      journal.report(
          new Outcome.UseAfterFinalize(
              target.name(),
              "reference",
              loc,
              "a reference on " + target.name() + ", which is already finalized (" + reason + ")"));
      return null;
    }
    int before = target.refcount();
    Ref ref = new Ref(holder, target, kind, reason, loc, via);
    target.refs.add(ref);
    journal.note(
        loc,
        target.name() + " refcount " + before + " -> " + target.refcount() + " (" + reason + ")");
    return ref;
  }

  void dropRef(Ref ref, SourceLoc loc, String why) {
    Node target = ref.target;
    int before = target.refcount();
    if (!target.refs.remove(ref)) {
      return;
    }
    journal.note(
        loc, target.name() + " refcount " + before + " -> " + target.refcount() + " (" + why + ")");
    if (target.refcount() == 0 && !target.immortal()) {
      onLastReference.accept(target, loc);
    }
  }

  static Ref findLast(Node target, Holder holder, Region via, Ref.Kind kind) {
    Ref last = null;
    for (Ref r : target.refs) {
      if (r.holder == holder
          && (via == null || r.via == via)
          && (kind == null || r.kind == kind)
          && r.kind != Ref.Kind.CHILD) {
        last = r;
      }
    }
    return last;
  }

  static Ref find(Node target, Holder holder, Region via, Ref.Kind kind) {
    for (Ref r : target.refs) {
      if (r.holder == holder
          && (via == null || r.via == via)
          && (kind == null || r.kind == kind)
          && r.kind != Ref.Kind.CHILD) {
        return r;
      }
    }
    return null;
  }

  /**
   * Removes {@code sub} from {@code container} and drops the container's reference, if it took one.
   */
  void detach(Region container, Region sub, SourceLoc loc, String message) {
    container.subregions.remove(sub);
    sub.container = null;
    journal.note(loc, message);
    if (sub.containerRef != null) {
      Ref r = sub.containerRef;
      sub.containerRef = null;
      dropRef(r, loc, sub.name() + " no longer in " + container.name());
    }
  }

  static String holdersOf(Node n) {
    return String.join(", ", n.refs.stream().map(r -> "by " + r.holder.label()).toList());
  }
}
