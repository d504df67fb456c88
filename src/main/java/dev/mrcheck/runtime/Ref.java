package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;

/** One reference held on a node: the unit of the model's reference counts. */
final class Ref {
  /** Why the reference exists; decides which references make a node legitimately alive. */
  enum Kind {
    EXTERNAL,
    CHILD,
    CONTAINER,
    ADDRESS_SPACE,
    MAPPING,
    REGION_REF,
    OWNER,
    ALIAS
  }

  final Holder holder;
  final Node target;
  final Kind kind;
  final String reason;
  final SourceLoc loc;

  /** For REGION_REF: the region named in memory_region_ref, so unref can match it. */
  final Region via;

  /** Reported as unreleased already: its holder can no longer give it back. */
  boolean lost;

  Ref(Holder holder, Node target, Kind kind, String reason, SourceLoc loc, Region via) {
    this.holder = holder;
    this.target = target;
    this.kind = kind;
    this.reason = reason;
    this.loc = loc;
    this.via = via;
  }

  Reference view() {
    return new Reference(holder.label(), target.name(), reason, loc);
  }
}
