package dev.mrcheck.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An immutable drawing of what a replay built: the owners, regions, containers and address spaces
 * that existed at some point of the replayed lifecycle, and the edges between them (who owns what,
 * what is mapped in which container, which region roots which address space, and the references
 * that keep something alive). {@code highlighted} edges are what the confirming outcome is about:
 * the references of a leak cycle, or the mapping left dangling when its region was finalized.
 */
public record ObjectGraph(List<GraphNode> nodes, List<GraphEdge> edges) {
  public static final ObjectGraph EMPTY = new ObjectGraph(List.of(), List.of());

  public enum NodeKind {
    OWNER,
    REGION,
    CONTAINER,
    ADDRESS_SPACE
  }

  /**
   * owns: owner to region; mapped-in: subregion to container; root-of: region to address space;
   * refs: holder to target.
   */
  public enum EdgeKind {
    OWNS,
    MAPPED_IN,
    ROOT_OF,
    REFS
  }

  /** How the node ended the replay. */
  public enum Fate {
    ALIVE,
    FINALIZED,
    LEAKED
  }

  public record GraphNode(String id, String label, NodeKind kind, Fate fate) {}

  public record GraphEdge(
      String from, String to, EdgeKind kind, String label, boolean highlighted) {
    GraphEdge highlight() {
      return new GraphEdge(from, to, kind, label, true);
    }
  }

  public ObjectGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  public List<GraphEdge> highlightedEdges() {
    return edges.stream().filter(GraphEdge::highlighted).toList();
  }

  /**
   * The same graph with the edges behind {@code outcome} highlighted; references of a leak that the
   * snapshots missed are added.
   */
  public ObjectGraph highlighting(Outcome outcome) {
    if (outcome == null) return this;
    Function<String, String> idsByLabel = ObjectGraph::idOf;
    List<GraphEdge> out = new ArrayList<>(edges);
    Set<String> ids = new LinkedHashSet<>();
    for (GraphNode n : nodes) ids.add(n.id());
    if (outcome instanceof Outcome.Leak leak) {
      for (Reference r : leak.heldBy()) {
        String from = idsByLabel.apply(r.holder());
        String to = idsByLabel.apply(r.target());
        if (from == null || to == null || !ids.contains(from) || !ids.contains(to)) continue;
        if (!mark(
            out, e -> e.from().equals(from) && e.to().equals(to) && e.kind() == EdgeKind.REFS)) {
          out.add(new GraphEdge(from, to, EdgeKind.REFS, r.reason(), true));
        }
      }
    } else if (outcome instanceof Outcome.FinalizedWhileMapped f) {
      String region = idsByLabel.apply(f.region());
      String in = idsByLabel.apply(f.mappedIn());
      boolean exact =
          in != null
              && mark(
                  out,
                  e ->
                      e.from().equals(region)
                          && e.to().equals(in)
                          && (e.kind() == EdgeKind.MAPPED_IN || e.kind() == EdgeKind.ROOT_OF));
      if (!exact)
        mark(
            out,
            e ->
                e.from().equals(region)
                    && (e.kind() == EdgeKind.MAPPED_IN || e.kind() == EdgeKind.ROOT_OF));
    } else if (outcome instanceof Outcome.OwnerlessDestroyed o) {
      String region = idsByLabel.apply(o.region());
      mark(
          out,
          e ->
              e.from().equals(region)
                  && (e.kind() == EdgeKind.MAPPED_IN || e.kind() == EdgeKind.ROOT_OF));
    } else if (outcome instanceof Outcome.UseAfterFinalize u) {
      String subject = idsByLabel.apply(u.subject());
      mark(out, e -> e.to().equals(subject) && e.kind() == EdgeKind.OWNS);
    } else if (outcome instanceof Outcome.AssertionFailure a) {
      String subject = idsByLabel.apply(a.subject());
      mark(
          out,
          e ->
              (e.to().equals(subject) || e.from().equals(subject))
                  && e.kind() == EdgeKind.MAPPED_IN);
    }
    return new ObjectGraph(nodes, out);
  }

  /**
   * The node id of a holder as traces and outcomes label it: a node by its name, an address space
   * as "address space NAME", a mapping ("mapping of R in AS ...") by its address space.
   */
  static String idOf(String label) {
    if (label == null) return null;
    if (label.startsWith(SPACE)) {
      String name = label.substring(SPACE.length());
      int lost = name.indexOf(" (its destroy was lost)");
      return "as:" + (lost < 0 ? name : name.substring(0, lost));
    }
    if (label.startsWith(MAPPING)) {
      int in = label.indexOf(" in ", MAPPING.length());
      if (in < 0) return null;
      int at = label.indexOf(" (at ", in);
      return "as:" + label.substring(in + 4, at < 0 ? label.length() : at);
    }
    return "n:" + label;
  }

  private static final String SPACE = "address space ";
  private static final String MAPPING = "mapping of ";

  private static boolean mark(List<GraphEdge> edges, Predicate<GraphEdge> which) {
    boolean any = false;
    for (int i = 0; i < edges.size(); i++) {
      if (which.test(edges.get(i))) {
        edges.set(i, edges.get(i).highlight());
        any = true;
      }
    }
    return any;
  }
}
