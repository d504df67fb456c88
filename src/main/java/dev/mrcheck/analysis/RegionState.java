package dev.mrcheck.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The abstract state at a program point: the facts that may hold, which field paths point at
 * which objects ({@code br->windows = w} makes {@code self.windows} name what {@code w} named),
 * and the current frame's local variable bindings.
 */
public final class RegionState {
  private final Set<Fact> facts;
  private final Map<String, String> aliases;
  private final Set<String> releasedSummaries;
  private Map<String, Place> locals;

  public RegionState() {
    this(new LinkedHashSet<>(), new TreeMap<>(), new HashSet<>(), new HashMap<>());
  }

  private RegionState(Set<Fact> facts, Map<String, String> aliases, Set<String> releasedSummaries,
      Map<String, Place> locals) {
    this.facts = facts;
    this.aliases = aliases;
    this.releasedSummaries = releasedSummaries;
    this.locals = locals;
  }

  public RegionState copy() {
    return new RegionState(new LinkedHashSet<>(facts), new TreeMap<>(aliases), new HashSet<>(releasedSummaries),
        new HashMap<>(locals));
  }

  /** Takes over everything but the local bindings: the state a callee returns to its caller. */
  void adoptGlobals(RegionState callee) {
    facts.clear();
    facts.addAll(callee.facts);
    aliases.clear();
    aliases.putAll(callee.aliases);
    releasedSummaries.clear();
    releasedSummaries.addAll(callee.releasedSummaries);
  }

  /**
   * Array elements are summarized ({@code s->bars[*]}), so a release inside a loop over them is
   * taken to release them all; remembering that lets a join drop the loop's zero-iteration path,
   * which would otherwise keep every array fact alive.
   */
  void markReleased(String summarizedId) {
    releasedSummaries.add(summarizedId);
  }

  void markAcquired(String summarizedId) {
    releasedSummaries.remove(summarizedId);
  }

  static boolean isSummarized(String id) {
    return id.contains("[*]");
  }

  public Set<Fact> facts() {
    return facts;
  }

  public <T extends Fact> List<T> facts(Class<T> kind, String region) {
    List<T> out = new ArrayList<>();
    for (Fact f : facts) if (kind.isInstance(f) && f.region().equals(region)) out.add(kind.cast(f));
    return out;
  }

  public <T extends Fact> List<T> facts(Class<T> kind) {
    List<T> out = new ArrayList<>();
    for (Fact f : facts) if (kind.isInstance(f)) out.add(kind.cast(f));
    return out;
  }

  public void add(Fact f) {
    facts.add(f);
  }

  public void removeIf(Predicate<Fact> p) {
    facts.removeIf(p);
  }

  private boolean isReleasedSummary(Fact f) {
    if (releasedSummaries.isEmpty() || f instanceof Fact.Owned) return false;
    String id = f instanceof Fact.AddressSpaceLive a ? a.addressSpace() : f.region();
    return releasedSummaries.contains(id);
  }

  Map<String, String> aliases() {
    return aliases;
  }

  Place local(String name) {
    return locals.get(name);
  }

  void bindLocal(String name, Place p) {
    if (p == null) locals.remove(name);
    else locals.put(name, p);
  }

  /** Enters a callee: the caller's locals are saved by the caller and restored after the call. */
  Map<String, Place> swapLocals(Map<String, Place> newLocals) {
    Map<String, Place> old = locals;
    locals = newLocals;
    return old;
  }

  /** Merges {@code other} into this state; returns whether anything changed. */
  boolean join(RegionState other) {
    boolean changed = releasedSummaries.addAll(other.releasedSummaries);
    for (Fact f : other.facts) {
      if (!isReleasedSummary(f) && facts.add(f)) changed = true;
    }
    if (facts.removeIf(this::isReleasedSummary)) changed = true;
    for (Map.Entry<String, String> e : other.aliases.entrySet()) {
      String mine = aliases.get(e.getKey());
      if (mine == null) {
        aliases.put(e.getKey(), e.getValue());
        changed = true;
      }
    }
    for (Map.Entry<String, Place> e : other.locals.entrySet()) {
      Place mine = locals.get(e.getKey());
      if (mine == null) {
        locals.put(e.getKey(), e.getValue());
        changed = true;
      } else if (!Objects.equals(mine, e.getValue()) && !mine.isUnknown()) {
        locals.put(e.getKey(), Place.UNKNOWN);
        changed = true;
      }
    }
    return changed;
  }
}
