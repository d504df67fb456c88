package dev.mrcheck.runtime;

import dev.mrcheck.model.RegionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the object graph of a replay. Teardown removes mappings and references as it goes, so
 * one look at the end would miss what the finding is about: the graph is the union of the states
 * seen after each replayed phase, and each node's fate is read at the end.
 */
final class GraphRecorder {
  private final Map<String, ObjectGraph.NodeKind> kinds = new LinkedHashMap<>();
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final Map<String, ObjectGraph.GraphEdge> edges = new LinkedHashMap<>();

  /** Adds what the model holds now. Machine objects are left out: every device hangs off them. */
  void record(RuntimeModel model) {
    for (Node n : model.nodes()) {
      if (n instanceof QObject o && o.isMachine()) continue;
      if (n.isFinalized()) continue;
      node(n);
      if (n instanceof Region r) {
        if (r.owner() != null && !r.owner().isMachine())
          edge(id(r.owner()), id(r), ObjectGraph.EdgeKind.OWNS, "owns");
        if (r.container() != null)
          edge(id(r), id(r.container()), ObjectGraph.EdgeKind.MAPPED_IN, "mapped in");
      }
      for (Ref ref : n.refs) {
        if (ref.kind == Ref.Kind.CHILD || ref.kind == Ref.Kind.EXTERNAL) continue;
        String from = holderId(ref.holder);
        if (from == null) continue;
        edge(from, id(n), ObjectGraph.EdgeKind.REFS, ref.reason);
      }
    }
    for (AddressSpace as : model.addressSpaces()) {
      if (as.state() == AddressSpace.State.DESTROYED) continue;
      String id = id(as);
      space(as);
      if (as.root() != null) {
        node(as.root());
        edge(id(as.root()), id, ObjectGraph.EdgeKind.ROOT_OF, "root of");
      }
    }
  }

  ObjectGraph build(RuntimeModel model, List<Outcome> outcomes) {
    Map<String, ObjectGraph.Fate> fates = new HashMap<>();
    for (Node n : model.nodes())
      fates.put(id(n), n.isFinalized() ? ObjectGraph.Fate.FINALIZED : ObjectGraph.Fate.ALIVE);
    for (AddressSpace as : model.addressSpaces()) {
      fates.put(
          id(as),
          as.state() == AddressSpace.State.DESTROYED
              ? ObjectGraph.Fate.FINALIZED
              : ObjectGraph.Fate.ALIVE);
    }
    for (Outcome o : outcomes) {
      if (o instanceof Outcome.Leak l)
        fates.put(ObjectGraph.idOf(l.subject()), ObjectGraph.Fate.LEAKED);
    }
    List<ObjectGraph.GraphNode> nodes = new ArrayList<>();
    kinds.forEach(
        (id, kind) ->
            nodes.add(
                new ObjectGraph.GraphNode(
                    id, labels.get(id), kind, fates.getOrDefault(id, ObjectGraph.Fate.ALIVE))));
    ObjectGraph graph = new ObjectGraph(nodes, new ArrayList<>(edges.values()));
    return graph;
  }

  private void node(Node n) {
    String id = id(n);
    ObjectGraph.NodeKind kind =
        n instanceof Region r
            ? (r.kind() == RegionKind.CONTAINER || !r.subregions().isEmpty()
                ? ObjectGraph.NodeKind.CONTAINER
                : ObjectGraph.NodeKind.REGION)
            : ObjectGraph.NodeKind.OWNER;
    // A region that gained subregions after a first look is a container.
    if (kind == ObjectGraph.NodeKind.CONTAINER || !kinds.containsKey(id)) kinds.put(id, kind);
    String label =
        n instanceof Region r && r.owner() == null ? n.name() + " (owner NULL)" : n.name();
    labels.putIfAbsent(id, label);
  }

  private void edge(String from, String to, ObjectGraph.EdgeKind kind, String label) {
    edges.putIfAbsent(
        from + "\u0000" + to + "\u0000" + kind,
        new ObjectGraph.GraphEdge(from, to, kind, label, false));
  }

  private String holderId(Holder h) {
    if (h instanceof Node n) {
      if (n instanceof QObject o && o.isMachine()) return null;
      node(n);
      return id(n);
    }
    if (h instanceof AddressSpace as) return space(as);
    if (h instanceof Mapping m) return space(m.space());
    return null;
  }

  private String space(AddressSpace as) {
    String id = id(as);
    kinds.putIfAbsent(id, ObjectGraph.NodeKind.ADDRESS_SPACE);
    labels.putIfAbsent(id, as.name());
    return id;
  }

  private static String id(Node n) {
    return "n:" + n.name();
  }

  private static String id(AddressSpace as) {
    return "as:" + as.name();
  }
}
