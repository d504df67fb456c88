package dev.mrcheck.analysis;

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
   * walk's element replaced by that region; just {@code args} when no argument is a walk's element
   * or nothing is known mapped in its container.
   */
  static List<List<Place>> expand(List<Place> args, RegionState s) {
    for (int i = 0; i < args.size(); i++) {
      String container = walkedContainer(args.get(i));
      if (container == null) continue;
      Map<String, String> mapped = new LinkedHashMap<>();
      for (Fact.Mapped m : s.facts(Fact.Mapped.class)) {
        if (m.container().equals(container)) mapped.putIfAbsent(m.region(), m.shown());
      }
      if (mapped.isEmpty()) return List.of(args);
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
