package dev.mrcheck.runtime;

import dev.mrcheck.ir.SourceLoc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds what is still alive without a legitimate reason, and explains what holds it.
 *
 * <p>A node is legitimately alive when something outside the model holds it, when it is a machine
 * object, or when a legitimately alive node holds it as a child property (or, refcount semantics,
 * as the owner of a region it keeps alive). A container, an address space, a mapping or a stray
 * {@code memory_region_ref} does not make its target legitimate: that is exactly how devices leak.
 */
final class LeakFinder {
  private final List<Node> nodes;
  private final Set<Node> leaked = Collections.newSetFromMap(new IdentityHashMap<>());

  LeakFinder(List<Node> nodes) {
    this.nodes = nodes;
  }

  List<Outcome.Leak> find(List<AddressSpace> spaces) {
    Set<Node> held = legitimatelyAlive();
    for (Node n : nodes) {
      if (!n.finalized && !n.immortal() && !held.contains(n)) {
        leaked.add(n);
      }
    }
    List<Outcome.Leak> leaks = new ArrayList<>();
    for (Node n : nodes) {
      if (leaked.contains(n) && reportable(n)) {
        leaks.add(explain(n));
      }
    }
    for (AddressSpace as : spaces) {
      if (as.destroyLost() && as.rootRef != null) {
        leaks.add(
            new Outcome.Leak(
                as.label(),
                List.of(as.rootRef.view()),
                false,
                as.destroyLostAt,
                "address_space_destroy("
                    + as.name()
                    + ") never takes effect ("
                    + as.destroyLostHow
                    + "): its reference on "
                    + as.rootRef.target.name()
                    + " is never dropped"));
      }
    }
    return leaks;
  }

  private Set<Node> legitimatelyAlive() {
    Set<Node> held = Collections.newSetFromMap(new IdentityHashMap<>());
    Map<Node, List<Ref>> outgoing = new IdentityHashMap<>();
    Deque<Node> work = new ArrayDeque<>();
    for (Node n : nodes) {
      for (Ref r : n.refs) {
        if (r.holder instanceof Node h) {
          outgoing.computeIfAbsent(h, k -> new ArrayList<>()).add(r);
        }
      }
      boolean external = n.refs.stream().anyMatch(r -> r.kind == Ref.Kind.EXTERNAL);
      if (!n.finalized && (n.immortal() || external) && held.add(n)) {
        work.add(n);
      }
    }
    while (!work.isEmpty()) {
      Node n = work.poll();
      for (Ref r : outgoing.getOrDefault(n, List.of())) {
        boolean confers = r.kind == Ref.Kind.CHILD || r.kind == Ref.Kind.OWNER;
        if (confers && !r.target.finalized && held.add(r.target)) {
          work.add(r.target);
        }
      }
    }
    return held;
  }

  /**
   * Objects always; a region only when its owner is not itself leaked (else the owner's leak says
   * it).
   */
  private boolean reportable(Node n) {
    return !(n instanceof Region r) || r.owner() == null || !leaked.contains(r.owner());
  }

  private Outcome.Leak explain(Node x) {
    List<Ref> found = pathFromOrigin(x);
    boolean cycle = false;
    if (found == null) {
      found =
          cycleHolding(
              x,
              new ArrayList<>(List.of(x)),
              new ArrayList<>(),
              Collections.newSetFromMap(new IdentityHashMap<>()));
      cycle = true;
    }
    if (found == null) {
      found = List.of();
      cycle = false;
    }
    List<Ref> chain = found;
    List<Reference> view = chain.stream().map(Ref::view).toList();
    String how =
        view.isEmpty()
            ? "no reference explains it"
            : (cycle ? "held by a reference cycle: " : "held by: ")
                + String.join("; ", view.stream().map(Reference::toString).toList());
    List<String> others =
        x.refs.stream().filter(r -> !chain.contains(r)).map(r -> r.view().toString()).toList();
    String also = others.isEmpty() ? "" : "; also held by: " + String.join("; ", others);
    return new Outcome.Leak(
        x.name(),
        view,
        cycle,
        causalLoc(chain),
        x.name() + " is never finalized after its last external reference is gone; " + how + also);
  }

  /** Shortest chain from a holder that is not itself leaked down to {@code x}, or null. */
  private List<Ref> pathFromOrigin(Node x) {
    Map<Node, Ref> toward = new IdentityHashMap<>();
    Deque<Node> work = new ArrayDeque<>(List.of(x));
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(x);
    while (!work.isEmpty()) {
      Node n = work.poll();
      for (Ref r : n.refs) {
        if (r.holder instanceof Node h && leaked.contains(h)) {
          if (seen.add(h)) {
            toward.put(h, r);
            work.add(h);
          }
          continue;
        }
        List<Ref> chain = new ArrayList<>(List.of(r));
        for (Node m = n; m != x; m = toward.get(m).target) {
          chain.add(toward.get(m));
        }
        return chain;
      }
    }
    return null;
  }

  /**
   * Depth-first search backwards through leaked holders; when a holder is already on the path the
   * references from it down to {@code x} are the cycle followed by the way to {@code x}.
   */
  private List<Ref> cycleHolding(Node n, List<Node> path, List<Ref> edges, Set<Node> visited) {
    for (Ref r : n.refs) {
      if (!(r.holder instanceof Node h) || !leaked.contains(h)) {
        continue;
      }
      if (path.contains(h)) {
        List<Ref> chain = new ArrayList<>(List.of(r));
        for (int i = edges.size() - 1; i >= 0; i--) {
          chain.add(edges.get(i));
        }
        return chain;
      }
      if (!visited.add(h)) {
        continue;
      }
      path.add(h);
      edges.add(r);
      List<Ref> found = cycleHolding(h, path, edges, visited);
      if (found != null) {
        return found;
      }
      path.remove(path.size() - 1);
      edges.remove(edges.size() - 1);
    }
    return null;
  }

  /** The location of the first reference that is not a plain child link: the one the code added. */
  private static SourceLoc causalLoc(List<Ref> chain) {
    for (Ref r : chain) {
      if (r.kind != Ref.Kind.CHILD && r.loc != null) {
        return r.loc;
      }
    }
    return chain.stream().map(r -> r.loc).filter(l -> l != null).findFirst().orElse(null);
  }
}
