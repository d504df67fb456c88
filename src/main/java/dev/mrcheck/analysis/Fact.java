package dev.mrcheck.analysis;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.List;
import java.util.Set;

/**
 * What may hold at a program point of a replay. The analysis is a may-analysis: a fact survives a
 * join if it holds on any incoming path, which is exactly "on some path" in the rule catalogue.
 * {@code phase} is the lifecycle role in which the fact arose (null for run-time code); {@code how}
 * is the call chain that led to it.
 */
public sealed interface Fact {
  String region();

  /**
   * Who owns a region, from its {@code memory_region_init*}; {@code aliasOf}: the region an alias
   * points at (null if not an alias or unknown), which refcount semantics keeps alive through it.
   * {@code ownsItself}: the owner is the region ({@code OBJECT(mr)}, MR009), so a memory_region_ref
   * is on the region under every semantics.
   */
  record Owned(
      String region,
      String shown,
      Owner owner,
      String ownerShown,
      RegionKind kind,
      Role phase,
      SourceLoc at,
      String aliasOf,
      boolean ownsItself)
      implements Fact {}

  /**
   * {@code region} is mapped into {@code container}. {@code containerUnparented}: the container was
   * unparented since, while a mapping, an address space or a reference still held it; see {@link
   * #liveUnder}. {@code regionUnparented}: the region itself was unparented since (a later unparent
   * is a no-op).
   */
  record Mapped(
      String region,
      String shown,
      String container,
      String containerShown,
      Role undoneBefore,
      Owner regionOwner,
      Owner containerOwner,
      Role phase,
      SourceLoc at,
      List<TraceStep> how,
      boolean containerUnparented,
      boolean regionUnparented)
      implements Fact {
    /**
     * Whether the mapping still exists under {@code semantics}. Only under refcount does what holds
     * a container hold the region itself; under legacy and current the unparent finalized the
     * container, and memory_region_finalize deleted its subregions.
     */
    public boolean liveUnder(Semantics semantics) {
      return !containerUnparented || semantics == Semantics.REFCOUNT;
    }

    Mapped withContainerUnparented() {
      return new Mapped(
          region,
          shown,
          container,
          containerShown,
          undoneBefore,
          regionOwner,
          containerOwner,
          phase,
          at,
          how,
          true,
          regionUnparented);
    }

    Mapped withRegionUnparented() {
      return new Mapped(
          region,
          shown,
          container,
          containerShown,
          undoneBefore,
          regionOwner,
          containerOwner,
          phase,
          at,
          how,
          containerUnparented,
          true);
    }
  }

  /**
   * An outstanding {@code memory_region_ref}, or another reference on a region; {@code by} is the
   * call that took it ({@code memory_region_section_new_copy} references the copy's {@code .mr}).
   * {@code older}: how many references on the same region, taken before this one, are still held. A
   * reference count is a number, so two refs and one unref leave one reference: the unref gives
   * back the oldest (the runtime model does the same), and the newer one is what leaks.
   */
  record Referenced(
      String region,
      String shown,
      String by,
      Owner owner,
      Role phase,
      SourceLoc at,
      List<TraceStep> how,
      int older)
      implements Fact {}

  /**
   * A live address space over {@code root}; {@code region()} is the root. {@code guards}: the
   * fields tested true around its {@code address_space_init} ({@code if (s->hostmem)}). {@code
   * ownHeld}: the device's own regions its root reference keeps alive under refcount semantics (the
   * root, and the regions an alias root aliases), as known at the init.
   */
  record AddressSpaceLive(
      String region,
      String shown,
      String addressSpace,
      String addressSpaceShown,
      Owner rootOwner,
      Role phase,
      SourceLoc at,
      List<TraceStep> how,
      Set<String> guards,
      List<String> ownHeld)
      implements Fact {}

  /**
   * A reference the code must give back that is not a {@code memory_region_ref}: the section of a
   * {@code memory_region_find} ({@code region()} is its {@code .mr}), or an {@code
   * address_space_map} mapping ({@code region()} is the returned buffer, {@code addressSpaceShown}
   * the space it maps).
   */
  record Held(
      String region,
      String shown,
      HeldBy by,
      String addressSpaceShown,
      Role phase,
      SourceLoc at,
      List<TraceStep> how)
      implements Fact {}

  /** How a {@link Held} reference was taken, and so how it is given back. */
  enum HeldBy {
    /** {@code memory_region_find}: dropped by {@code memory_region_unref(section.mr)}. */
    FIND,
    /** {@code address_space_map}: dropped by {@code address_space_unmap}. */
    MAP
  }

  /**
   * The last reference the replay knew on {@code region} was given back here ({@code by}: how it
   * had been taken, {@code null} for a {@code memory_region_ref}), and none was taken since: on the
   * paths through here the code holds none, so a further release gives back a reference it does not
   * hold (MR006's over-release). {@code throughVariable}: the pointer the release went through was
   * a variable of the releasing function, a local or a parameter ({@code res}), not a field ({@code
   * s->win}).
   */
  record Released(
      String region,
      String shown,
      HeldBy by,
      String callee,
      Role phase,
      SourceLoc at,
      List<TraceStep> how,
      boolean throughVariable)
      implements Fact {}

  /**
   * {@code reference} (a {@link Referenced} on a region the device does not own, or a {@link Held})
   * was stored where it outlives the function: the device state when {@code intoDevice}, else a
   * place the analysis cannot name. It replaces the reference on that path, so a join still shows
   * the paths that stored it nowhere.
   */
  record Stored(String region, boolean intoDevice, Fact reference) implements Fact {}

  /**
   * {@code address_space_destroy(as)} ran and its RCU callback is pending on the address space's
   * {@code rcu_head}; {@code region()} is the address space, {@code root*} what it was initialized
   * over (rootOwner null when unknown), {@code guards} the fields tested true around the destroy,
   * {@code ownHeld} as in {@link AddressSpaceLive}: the callback releases them.
   */
  record DestroyPending(
      String region,
      String shown,
      String root,
      String rootShown,
      Role initPhase,
      SourceLoc initAt,
      Role phase,
      SourceLoc at,
      Set<String> guards,
      Owner rootOwner,
      List<String> ownHeld)
      implements Fact {}

  /**
   * The address space was freed while its {@code address_space_destroy} was pending (MR007): the
   * destroy never takes effect, and its reference on the root {@code region} is never dropped.
   */
  record RootKeptByLostDestroy(String region, String addressSpace) implements Fact {}

  /**
   * An error was reported through the replay root's {@code Error **} parameter on this path ({@code
   * region()} is {@link Place#ERROR}): a return from here is a failure. Only a root's own calls,
   * and callees that report an error on every path, leave this fact behind.
   */
  record ErrorReported(String region) implements Fact {}

  /**
   * {@code object_unparent} unlinked the region from its owner on this path. {@code finalized}:
   * nothing else held the region itself, so the unparent finalized it, and a later {@code
   * memory_region_ref} on it is a use after finalization that takes no reference (the runtime
   * model's view); otherwise the ref still counts on {@code owner}, which the region had. {@code
   * aliasOf}: the target of an alias, which it references until it is finalized (null if not an
   * alias).
   */
  record Unparented(
      String region, Owner owner, boolean finalized, boolean ownsItself, String aliasOf)
      implements Fact {}

  /**
   * The program freed the region's storage ({@code g_free}) on this path, and what was known of it
   * is gone with it: the owner it had ({@code OTHER} when unknown) is what a later {@code
   * memory_region_ref} on the dangling pointer still reads. Freeing finalizes the region, so under
   * refcount, or owning itself, such a ref takes nothing (the runtime model's use after
   * finalization); otherwise it counts on that owner, and an owner-less one counts nothing.
   */
  record Freed(String region, Owner owner, boolean ownsItself) implements Fact {}

  /**
   * Owner classes that matter to the rules; {@code OTHER} also when owners differ between paths.
   */
  enum Owner {
    /** The device whose lifecycle is replayed. */
    SELF,
    /** {@code NULL}: the machine owns it, no reference counting. */
    NONE,
    /** Another object, or one we cannot name. */
    OTHER
  }
}
