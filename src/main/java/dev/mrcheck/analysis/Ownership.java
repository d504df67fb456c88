package dev.mrcheck.analysis;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the facts say about who owns and who holds a region: the queries the effect transfer, the
 * phase transitions of {@link Finalization}, {@link Analyzer} and {@link OwnerShapes} share. Pure:
 * none of them changes the state. The may-facts make "held" mean "on some path" and "owned on every
 * path" mean every init a path reaching here saw.
 */
public final class Ownership {
  /**
   * The fields through which a device struct embeds its QOM parent: an owner spelled so is the
   * device.
   */
  private static final Set<String> PARENT_FIELDS =
      Set.of(
          "parent_obj",
          "parent",
          "parent_object",
          "qdev",
          "pdev",
          "dev",
          "busdev",
          "parent_dev",
          "pci_dev",
          "parent_class",
          "sbd",
          "parent_pci",
          "pcidev",
          "d");

  private Ownership() {}

  /**
   * Whose the owner argument {@code owner} of an init is: NULL, the device itself (or its QOM
   * parent part), another.
   */
  static Fact.Owner ownerOf(Place owner) {
    if (owner == null || owner.isNull()) return Fact.Owner.NONE;
    String id = owner.id();
    if (id.equals(Place.SELF)) return Fact.Owner.SELF;
    if (id.startsWith(Place.SELF + ".")) {
      String rest = id.substring(Place.SELF.length() + 1);
      if (!rest.contains(".") && PARENT_FIELDS.contains(rest)) return Fact.Owner.SELF;
    }
    return Fact.Owner.OTHER;
  }

  /**
   * The owner of {@code region} on every path reaching here, or OTHER when unknown or
   * path-dependent.
   */
  static Fact.Owner ownership(RegionState s, Place region) {
    Fact.Owner found = null;
    for (Fact.Owned o : s.facts(Fact.Owned.class, region.id())) {
      if (found != null && found != o.owner()) return Fact.Owner.OTHER;
      found = o.owner();
    }
    return found == null ? Fact.Owner.OTHER : found;
  }

  /**
   * Whose references a {@code memory_region_ref} of {@code region} takes, one owner for each that a
   * path reaching here gave it (a region owned by the device on one branch and owner-less on the
   * other: the ref is the device's cycle on the first, nothing on the second): its owner's from its
   * init, or, once unparented, the owner it had (finalization leaves {@code mr->owner} in place,
   * and under legacy and current semantics the ref is on that owner, alive or not the region).
   * Empty under refcount when an unparent finalized it on every path that says anything: the ref is
   * then a use after finalization.
   */
  static Set<Fact.Owner> refOwners(RegionState s, Place region, Semantics semantics) {
    List<Fact.Owned> owned = s.facts(Fact.Owned.class, region.id());
    if (!owned.isEmpty()) return owners(owned.stream().map(Fact.Owned::owner));
    List<Fact.Unparented> gone = s.facts(Fact.Unparented.class, region.id());
    if (gone.isEmpty()) return freedRefOwners(s, region, semantics);
    // A region that owns itself is referenced itself under every semantics, as every region under
    // refcount.
    if (s.everyUnparent(
        region.id(), u -> u.finalized() && (semantics == Semantics.REFCOUNT || u.ownsItself())))
      return Set.of();
    return owners(gone.stream().map(Fact.Unparented::owner));
  }

  /**
   * A ref on a region whose storage the program freed: nothing when the count it would take died
   * with the region, else the owners it had; {@code OTHER} for a region the state knows nothing of
   * (a borrowed one).
   */
  private static Set<Fact.Owner> freedRefOwners(RegionState s, Place region, Semantics semantics) {
    List<Fact.Freed> freed = s.facts(Fact.Freed.class, region.id());
    if (freed.isEmpty()) return Set.of(Fact.Owner.OTHER);
    if (freed.stream().allMatch(f -> semantics == Semantics.REFCOUNT || f.ownsItself()))
      return Set.of();
    return owners(freed.stream().map(Fact.Freed::owner));
  }

  private static Set<Fact.Owner> owners(Stream<Fact.Owner> each) {
    return each.collect(Collectors.toCollection(() -> EnumSet.noneOf(Fact.Owner.class)));
  }

  static boolean ownedBySelf(RegionState s, String region) {
    return ownedOnEveryPath(s, region, o -> o.owner() == Fact.Owner.SELF);
  }

  /** A container with a parent on every path: initialized and not unparented since. */
  static boolean ownedContainer(RegionState s, Place region) {
    return ownedOnEveryPath(s, region.id(), o -> o.kind() == RegionKind.CONTAINER);
  }

  /**
   * A region whose owner is the region itself ({@code OBJECT(mr)}, MR009) on every path: QOM counts
   * its references on the region, as refcount semantics counts every region's, whatever the
   * semantics.
   */
  static boolean ownsItself(RegionState s, String region) {
    return ownedOnEveryPath(s, region, Fact.Owned::ownsItself);
  }

  /**
   * Initialized on every path that says anything of {@code region}, each init as {@code how} says.
   */
  static boolean ownedOnEveryPath(RegionState s, String region, Predicate<Fact.Owned> how) {
    return everyInit(s.facts(Fact.Owned.class, region), how);
  }

  static boolean everyInit(List<Fact.Owned> owned, Predicate<Fact.Owned> how) {
    return !owned.isEmpty() && owned.stream().allMatch(how);
  }

  /**
   * A region of the device's made before instance_finalize (on every path): in instance_finalize,
   * QOM has dropped it with the child properties already.
   */
  static boolean droppedWithChildProperties(List<Fact.Owned> owned) {
    return everyInit(
        owned, o -> o.owner() == Fact.Owner.SELF && o.phase() != Role.INSTANCE_FINALIZE);
  }

  /**
   * A container whose child property is the last thing holding it: not mapped, not an address
   * space's root, not referenced, or owner-less. Its unparent finalizes it under every semantics.
   */
  static boolean finalizedByUnparent(RegionState s, Place region, Semantics semantics) {
    if (!ownedContainer(s, region)) return false;
    // An owner-less region is never reference counted: what maps it holds nothing.
    if (s.facts(Fact.Owned.class, region.id()).stream().allMatch(o -> o.owner() == Fact.Owner.NONE))
      return true;
    return !held(s, region.id(), semantics);
  }

  /**
   * Whether something besides its parent may hold {@code region}: a mapping, an address space over
   * it, a reference, or (under refcount) an alias of it. The may-facts make this "on some path".
   * memory_region_init_alias takes no reference on its target under legacy and current semantics
   * (docs/lifetime.md#objects-and-references): there an alias does not hold a target that owns
   * itself.
   */
  static boolean held(RegionState s, String region, Semantics semantics) {
    if (heldOtherThanByAlias(s, region, r -> true)) return true;
    if (!aliasesReferenceTargets(semantics)) return false;
    return s.facts(Fact.Owned.class).stream().anyMatch(o -> region.equals(o.aliasOf()))
        // An alias unparented while held lives on, and references its target still.
        || s.facts(Fact.Unparented.class).stream()
            .anyMatch(u -> !u.finalized() && region.equals(u.aliasOf()));
  }

  /** {@link #held} but for aliases, counting only the references {@code counts} accepts. */
  static boolean heldOtherThanByAlias(
      RegionState s, String region, Predicate<Fact.Referenced> counts) {
    return !s.facts(Fact.Mapped.class, region).isEmpty()
        || !s.facts(Fact.AddressSpaceLive.class, region).isEmpty()
        || s.facts(Fact.Referenced.class, region).stream().anyMatch(counts)
        // A reference kept through a pointer the device holds (s->win = g_new0(..)) holds as well.
        || s.facts(Fact.Stored.class, region).stream()
            .anyMatch(st -> st.reference() instanceof Fact.Referenced r && counts.test(r))
        // address_space_destroy drops its root reference in an RCU callback, after this phase;
        // never if lost.
        || s.facts(Fact.DestroyPending.class).stream().anyMatch(d -> region.equals(d.root()))
        || !s.facts(Fact.RootKeptByLostDestroy.class, region).isEmpty();
  }

  /**
   * {@link #held}, once QOM dropped the device's child properties: an alias of the device's own
   * goes with them, and lets its target go, unless something holds the alias in turn.
   */
  static boolean heldPastChildProperties(RegionState s, String region) {
    return heldPastChildProperties(s, region, new HashSet<>());
  }

  private static boolean heldPastChildProperties(RegionState s, String region, Set<String> seen) {
    if (!seen.add(region)) return false;
    // A reference taken in instance_finalize, on a region QOM dropped already, revives nothing.
    return heldOtherThanByAlias(s, region, r -> r.phase() != Role.INSTANCE_FINALIZE)
        || keptByAliasPastChildProperties(s, region, seen, alias -> false);
  }

  /**
   * memory_region_init_alias references its target only under refcount semantics; under legacy and
   * current it takes no reference (docs/lifetime.md#semantics).
   */
  private static boolean aliasesReferenceTargets(Semantics semantics) {
    return semantics == Semantics.REFCOUNT;
  }

  /**
   * {@link #held} in instance_finalize, of a region of the device's that outlived QOM's drop of the
   * child properties (something else held it): every reference counts, since the region was alive
   * when it was taken, but the device's own aliases of it are gone with the child properties unless
   * something holds them in turn. ({@link #held} would count their init facts, which
   * instance_finalize keeps to tell its calls on them apart: #6030, a container mapped in system
   * memory and aliased by the device lived on past the child drop, and its delete from system
   * memory in instance_finalize is what finalizes it, deleting its subregions.) An alias
   * instance_finalize made itself is no child QOM dropped: it holds its target.
   */
  static boolean heldInFinalize(RegionState s, String region, Semantics semantics) {
    Set<String> seen = new HashSet<>();
    seen.add(region);
    if (heldOtherThanByAlias(s, region, r -> true)) return true;
    return aliasesReferenceTargets(semantics)
        && keptByAliasPastChildProperties(
            s, region, seen, alias -> alias.phase() == Role.INSTANCE_FINALIZE);
  }

  /**
   * Whether an alias of {@code region} still references it once the child properties went: one the
   * program unparented while held, one of another owner's, one of the device's that {@code lives}
   * (made after the drop) or that something holds in turn.
   */
  private static boolean keptByAliasPastChildProperties(
      RegionState s, String region, Set<String> seen, Predicate<Fact.Owned> lives) {
    // An alias the program unparented while something held it is no child property any more: QOM
    // does not drop it, it lives on and references its target still (refcount).
    if (s.facts(Fact.Unparented.class).stream()
        .anyMatch(u -> !u.finalized() && region.equals(u.aliasOf()))) return true;
    for (Fact.Owned alias : s.facts(Fact.Owned.class)) {
      if (!region.equals(alias.aliasOf())) continue;
      if (alias.owner() != Fact.Owner.SELF
          || lives.test(alias)
          || heldPastChildProperties(s, alias.region(), seen)) return true;
    }
    return false;
  }

  /** The regions {@code alias} aliases, one per path that initialized it as an alias. */
  static List<String> aliasTargets(RegionState s, String alias) {
    return s.facts(Fact.Owned.class, alias).stream()
        .map(Fact.Owned::aliasOf)
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  /**
   * The device's own regions an address space over {@code root} keeps alive when references are on
   * regions (refcount): the root, and along an alias root the regions it aliases (an alias
   * references its target). The chain ends at an owner-less region: nothing references it
   * (docs/lifetime.md#objects-and-references), so what it aliases is not kept by the address space.
   * A region of the device the program unparented while something (an alias) still held it is the
   * device's too: alive, it holds the device (what it aliases is no longer known).
   */
  static List<String> ownHeld(RegionState s, Place root) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String id = root.id(); id != null && seen.add(id); ) {
      List<Fact.Owned> owned = s.facts(Fact.Owned.class, id);
      if (owned.isEmpty()
          && s.facts(Fact.Unparented.class, id).stream()
              .anyMatch(u -> u.owner() == Fact.Owner.SELF && !u.finalized())) {
        out.add(id);
      }
      if (everyInit(owned, o -> o.owner() == Fact.Owner.NONE && !o.ownsItself())) break;
      if (everyInit(owned, o -> o.owner() == Fact.Owner.SELF)) out.add(id);
      id = owned.size() == 1 ? owned.get(0).aliasOf() : null;
    }
    return List.copyOf(out);
  }

  /**
   * Whether {@code m} is into a container other than {@code from}, both known for what they are
   * (system memory or a region this replay saw initialized, unparented since or not), so no alias
   * can make them the same.
   */
  static boolean otherKnownContainer(RegionState s, Fact.Mapped m, Place from) {
    return !from.isUnknown()
        && !m.container().equals(from.id())
        && known(s, m.container())
        && known(s, from.id());
  }

  /**
   * A region seen initialized stays known after an unparent or a free: it is still that one region.
   * Under refcount a container unparented while mapped lives on with its subregions
   * (docs/lifetime.md#semantics), and a delete of one of them from another container fails QEMU's
   * assertion and leaves it mapped (10k straight-line seed 7 #4405).
   */
  private static boolean known(RegionState s, String region) {
    return region.startsWith("global:") || s.knowsMade(region);
  }

  /**
   * Whether {@code m} maps one of the device's own regions, still mapped and live, into a container
   * the device does not own: system memory, a bus space, or a region another object or the machine
   * owns (owner NULL: it outlives every device). Unknown containers are not judged: the state must
   * have seen the container initialized, or unparented (a container that owns itself, unparented
   * but still held, is alive and keeps its mappings). Under current and legacy semantics such a
   * mapping's reference counts on the region's owner, the device (docs/lifetime.md#phases).
   */
  public static boolean mapsOwnRegionIntoForeignContainer(
      RegionState s, Fact.Mapped m, Semantics semantics) {
    if (m.undoneBefore() != null || m.regionOwner() != Fact.Owner.SELF || !m.liveUnder(semantics)) {
      return false;
    }
    if (m.container().startsWith("global:")) return true;
    return m.containerOwner() != Fact.Owner.SELF
        && (!s.facts(Fact.Owned.class, m.container()).isEmpty()
            || !s.facts(Fact.Unparented.class, m.container()).isEmpty());
  }

  /** A memory_region_ref-style reference, given to a place or not. */
  static boolean isRegionRef(Fact f) {
    return f instanceof Fact.Referenced
        || f instanceof Fact.Stored st && st.reference() instanceof Fact.Referenced;
  }
}
