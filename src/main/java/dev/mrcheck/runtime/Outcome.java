package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import java.util.List;

/** What the model observed going wrong. Outcomes are data: the model never throws for them. */
public sealed interface Outcome {
  /** The replayed event that caused it, or null when it follows from the end state. */
  SourceLoc loc();

  String message();

  /**
   * A node (or an address space) never finalized after its last external reference was gone. {@code
   * heldBy} runs from what holds it to the node itself; with {@code cycle} it starts and ends at
   * the same node.
   */
  record Leak(String subject, List<Reference> heldBy, boolean cycle, SourceLoc loc, String message)
      implements Outcome {
    public Leak {
      heldBy = List.copyOf(heldBy);
    }
  }

  /**
   * A QEMU assertion that would abort, named as in QEMU's source, e.g. {@code subregion->container
   * == mr}.
   */
  record AssertionFailure(String assertion, String subject, SourceLoc loc, String message)
      implements Outcome {}

  /** A call on (or a pointer kept to) a finalized region, object or freed address space. */
  record UseAfterFinalize(String subject, String operation, SourceLoc loc, String message)
      implements Outcome {}

  /** A region finalized while still in a container, the root of a live address space, or mapped. */
  record FinalizedWhileMapped(String region, String mappedIn, SourceLoc loc, String message)
      implements Outcome {}

  /**
   * A reference nobody can give back any more: a {@code memory_region_ref}/{@code
   * memory_region_find} reference or an {@code address_space_map} mapping whose holder returned
   * without storing it or was finalized, or an address space still registered after the object that
   * held it was finalized. {@code subject} is the region, mapped buffer or address space; {@code
   * loc} where it was taken.
   */
  record Unreleased(String subject, String holder, SourceLoc loc, String message)
      implements Outcome {}

  /**
   * A region created with owner NULL (not an alias or a container) destroyed by {@code
   * object_unparent}, a dropped last reference or {@code g_free}: nothing reference-counts it, so
   * nothing protects the memory core, an address space or an in-flight access that still uses it
   * (docs/rules/MR003.md).
   */
  record OwnerlessDestroyed(String region, String operation, SourceLoc loc, String message)
      implements Outcome {}

  /**
   * A region other than an alias or a container created or destroyed at run time, while its device
   * lives (docs/rules/MR010.md): the memory core and migration expect such regions to exist from
   * realize on.
   */
  record DynamicRegion(String region, String operation, SourceLoc loc, String message)
      implements Outcome {}
}
