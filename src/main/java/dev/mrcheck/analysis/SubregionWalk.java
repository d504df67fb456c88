package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.RegionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A region reached by walking a container's subregion list ({@code QTAILQ_FOREACH(sub,
 * &mr->subregions, subregions_link)}): the list's summarized element stands for every region mapped
 * in that container at the call, so an operation on it applies to each of them
 * (docs/lifetime.md#subregion-walks). Which regions those are is what the state knows mapped there.
 */
final class SubregionWalk {
  private static final String LIST = ".subregions." + QemuLists.ELEMENT;

  private SubregionWalk() {}

  /**
   * After a delete from the walked container applied to each region mapped there: the loop deleted
   * them all, so a join drops its zero-iteration path (on which nothing was mapped there), as for a
   * release inside a loop over an array ({@link RegionState#markReleased}).
   */
  static void deletedEach(List<List<Place>> each, List<Place> args, RegionState s) {
    if (each.size() == 1 && each.get(0) == args) return;
    for (List<Place> one : each) {
      for (int i = 0; i < one.size(); i++) {
        if (one.get(i) != args.get(i))
          s.markReleased(one.get(i).id(), RegionState.Release.MAPPINGS);
      }
    }
  }

  /**
   * The argument lists a call stands for: one per region mapped in the walked container, with the
   * walk's element replaced by that region, among those {@code selection} lets the call reach; just
   * {@code args} when no argument is a walk's element or nothing is known mapped in its container.
   */
  static List<List<Place>> expand(List<Place> args, RegionState s, Selection selection) {
    for (int i = 0; i < args.size(); i++) {
      String container = walkedContainer(args.get(i));
      if (container == null) continue;
      Map<String, String> mapped = new LinkedHashMap<>();
      for (Fact.Mapped m : s.facts(Fact.Mapped.class)) {
        if (m.container().equals(container)) mapped.putIfAbsent(m.region(), m.shown());
      }
      if (mapped.isEmpty()) return List.of(args);
      String element = args.get(i).id();
      mapped.keySet().removeIf(region -> !selection.mayReach(element, region));
      List<List<Place>> each = new ArrayList<>(mapped.size());
      for (Map.Entry<String, String> region : mapped.entrySet()) {
        List<Place> one = new ArrayList<>(args);
        one.set(i, new Place(region.getKey(), region.getValue()));
        each.add(one);
      }
      return each;
    }
    return List.of(args);
  }

  /**
   * Whether the tests a call is under let it reach {@code region} as the walk's {@code element}
   * ({@code if (memory_region_is_ram(sub))} reaches RAM subregions only). A test the analysis
   * cannot evaluate for the region lets it through: the call is then taken to reach it, and the
   * walk to delete it, rather than a mapping be claimed that the guard may have removed.
   */
  interface Selection {
    boolean mayReach(String element, String region);
  }

  /**
   * What {@code cond}, a test of the walk's {@code element}, reads for a region of kind {@code
   * kind}: {@code memory_region_is_ram(sub)} and {@code sub->ram} are true of RAM and ROM, false of
   * I/O, containers, aliases and IOMMUs; {@code sub->alias} is set only on an alias. Null when the
   * test is not of the element, or not one of those, or the kind is not known.
   */
  static Boolean tested(
      Value cond, String element, RegionKind kind, java.util.function.Function<Value, Place> at) {
    if (kind == null) return null;
    if (cond instanceof Value.CallResult c
        && c.callee().equals("memory_region_is_ram")
        && c.args().size() == 1
        && at.apply(c.args().get(0)).id().equals(element)) {
      return isRam(kind);
    }
    if (!(cond instanceof Value.Path p) || p.path().steps().isEmpty()) return null;
    AccessPath path = p.path();
    AccessPath base =
        new AccessPath(path.kind(), path.root(), path.steps().subList(0, path.steps().size() - 1));
    if (!at.apply(new Value.Path(base)).id().equals(element)) return null;
    return switch (path.lastStep()) {
      case "ram" -> isRam(kind);
      case "alias" -> kind == RegionKind.ALIAS;
      default -> null;
    };
  }

  /** {@code mr->ram}: set by the RAM and ROM inits; a ROM device's is not modelled. */
  private static Boolean isRam(RegionKind kind) {
    return switch (kind) {
      case RAM, ROM -> true;
      case IO, CONTAINER, ALIAS, IOMMU -> false;
      case ROM_DEVICE -> null;
    };
  }

  /** The region a call expanded for one walked region stands for, or null. */
  static String region(List<Place> each, List<Place> args) {
    for (int i = 0; i < each.size(); i++) if (each.get(i) != args.get(i)) return each.get(i).id();
    return null;
  }

  /** The container whose subregion list {@code p} is the element of, or null. */
  private static String walkedContainer(Place p) {
    String id = p.id();
    return id.endsWith(LIST) ? id.substring(0, id.length() - LIST.length()) : null;
  }
}
