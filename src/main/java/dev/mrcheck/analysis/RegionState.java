package dev.mrcheck.analysis;

import java.util.ArrayList;
import java.util.Collections;
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
 * The abstract state at a program point: the facts that may hold, which field paths point at which
 * objects ({@code br->windows = w} makes {@code self.windows} name what {@code w} named), and the
 * current frame's local variable bindings.
 *
 * <p>Copies are copy-on-write: most CFG nodes (calls to functions that never reach the API) do not
 * change the state, and board-sized replays carry hundreds of facts through thousands of nodes.
 */
public final class RegionState {
  /** How the analysis names what an allocation call made ({@code FlowFrame.fresh}). */
  private static final String HEAP_OBJECT = "new@";

  private Set<Fact> facts;
  private Map<String, String> aliases;
  private Set<String> releasedSummaries;
  private Map<String, Place> locals;

  /**
   * What the device's tested fields (flags, pointers, counters) are on every path here: field id to
   * truth. Intersected at joins.
   */
  private Map<String, Boolean> known;

  /**
   * For facts that correlate with fields ({@link #correlates}): what the fields are on every path
   * where the fact holds. A fact without an entry implies nothing. {@code memory_region_ref(s->be);
   * s->pinned = true;} gives the reference {@code pinned: true}, so an exit's {@code if
   * (!s->pinned)} branch does not hold it.
   */
  private Map<Fact, Map<String, Boolean>> implied;

  /**
   * Which of the collections above belong to this state alone and may be changed in place (one bit
   * each): a call binds its parameters, a branch tests a field, and copying the facts for either
   * would make every node of a board-sized replay pay for its hundreds of facts.
   */
  private int owned;

  private static final int FACTS = 1;
  private static final int ALIASES = 2;
  private static final int RELEASED = 4;
  private static final int LOCALS = 8;
  private static final int KNOWN = 16;
  private static final int IMPLIED = 32;
  private static final int ALL = FACTS | ALIASES | RELEASED | LOCALS | KNOWN | IMPLIED;

  public RegionState() {
    this(
        new LinkedHashSet<>(),
        new TreeMap<>(),
        new HashSet<>(),
        new HashMap<>(),
        new HashMap<>(),
        new HashMap<>());
    owned = ALL;
  }

  private RegionState(
      Set<Fact> facts,
      Map<String, String> aliases,
      Set<String> releasedSummaries,
      Map<String, Place> locals,
      Map<String, Boolean> known,
      Map<Fact, Map<String, Boolean>> implied) {
    this.facts = facts;
    this.aliases = aliases;
    this.releasedSummaries = releasedSummaries;
    this.locals = locals;
    this.known = known;
    this.implied = implied;
  }

  public RegionState copy() {
    owned = 0;
    return new RegionState(facts, aliases, releasedSummaries, locals, known, implied);
  }

  /** A copy without local bindings: the state a callee starts from. */
  RegionState withoutLocals() {
    owned &= LOCALS;
    RegionState s =
        new RegionState(facts, aliases, releasedSummaries, new HashMap<>(), known, implied);
    s.owned = LOCALS;
    return s;
  }

  /** Makes the collections named by {@code parts} this state's own, copying those it shares. */
  private void own(int parts) {
    int missing = parts & ~owned;
    if (missing == 0) return;
    if ((missing & FACTS) != 0) facts = new LinkedHashSet<>(facts);
    if ((missing & ALIASES) != 0) aliases = new TreeMap<>(aliases);
    if ((missing & RELEASED) != 0) releasedSummaries = new HashSet<>(releasedSummaries);
    if ((missing & LOCALS) != 0) locals = new HashMap<>(locals);
    if ((missing & KNOWN) != 0) known = new HashMap<>(known);
    if ((missing & IMPLIED) != 0) implied = new HashMap<>(implied);
    owned |= missing;
  }

  /** A value identifying everything but the local bindings, for memoizing callee analyses. */
  Object globalsKey() {
    owned &= LOCALS; // the key captures the collections: they must not change from now on
    return List.of(facts, aliases, releasedSummaries, known, implied);
  }

  /** Takes over everything but the local bindings: the state a callee returns to its caller. */
  void adoptGlobals(RegionState callee) {
    callee.owned &= LOCALS;
    owned &= LOCALS;
    facts = callee.facts;
    aliases = callee.aliases;
    releasedSummaries = callee.releasedSummaries;
    known = callee.known;
    implied = callee.implied;
  }

  /**
   * Facts whose paths field tests tell apart: references to give back, mappings and address spaces,
   * the ones a device takes under a condition and gives back under a flag.
   */
  private static boolean correlates(Fact f) {
    return f instanceof Fact.Referenced
        || f instanceof Fact.Held
        || f instanceof Fact.Stored
        || f instanceof Fact.Mapped
        || f instanceof Fact.AddressSpaceLive;
  }

  /** What {@code field} is on every path here: true, false (zero, NULL), or null if unknown. */
  Boolean known(String field) {
    return known.get(field);
  }

  /** What the fields are on every path where {@code f} holds (empty: nothing known). */
  public Map<String, Boolean> implied(Fact f) {
    return implied.getOrDefault(f, Map.of());
  }

  /**
   * {@code field} was assigned a value of truth {@code truth} (null: a value the analysis cannot
   * tell) on every path here.
   */
  void fieldAssigned(String field, Boolean truth) {
    if (Objects.equals(known.get(field), truth) && (truth == null || implied.isEmpty())) return;
    own(KNOWN | IMPLIED);
    if (truth == null) {
      known.remove(field);
      for (Map.Entry<Fact, Map<String, Boolean>> e : implied.entrySet()) {
        if (e.getValue().containsKey(field)) {
          Map<String, Boolean> m = new HashMap<>(e.getValue());
          m.remove(field);
          e.setValue(Map.copyOf(m));
        }
      }
      implied.values().removeIf(Map::isEmpty);
      return;
    }
    known.put(field, truth);
    for (Fact f : facts) {
      if (!correlates(f)) continue;
      Map<String, Boolean> m = new HashMap<>(implied.getOrDefault(f, Map.of()));
      m.put(field, truth);
      implied.put(f, Map.copyOf(m));
    }
  }

  /**
   * A branch on which {@code field} has truth {@code truth}: facts that hold only where it has the
   * other are not on this branch. Returns false if the branch is infeasible: every path here has
   * the other truth.
   */
  boolean fieldTested(String field, boolean truth) {
    Boolean was = known.get(field);
    if (!implied.isEmpty()) {
      List<Fact> contradicted = new ArrayList<>();
      for (Map.Entry<Fact, Map<String, Boolean>> e : implied.entrySet()) {
        Boolean v = e.getValue().get(field);
        if (v != null && v != truth) contradicted.add(e.getKey());
      }
      if (!contradicted.isEmpty()) {
        own(FACTS | IMPLIED);
        contradicted.forEach(facts::remove);
        contradicted.forEach(implied::remove);
      }
    }
    fieldAssigned(field, truth);
    return was == null || was == truth;
  }

  /**
   * What a release of a summarized region gave back: its mappings (a delete), its references (an
   * unref), or the address spaces over it (a destroy). Only facts of that kind are dropped at a
   * join: a loop that unrefs every element says nothing of whether they are still mapped.
   */
  enum Release {
    MAPPINGS,
    REFERENCES,
    ADDRESS_SPACES;

    static Release of(Fact f) {
      if (f instanceof Fact.Mapped) return MAPPINGS;
      if (f instanceof Fact.AddressSpaceLive) return ADDRESS_SPACES;
      return REFERENCES;
    }

    String key(String summarizedId) {
      return name() + "|" + summarizedId;
    }
  }

  /**
   * Array elements are summarized ({@code s->bars[*]}), so a release inside a loop over them is
   * taken to release them all; remembering that lets a join drop the loop's zero-iteration path,
   * which would otherwise keep every array fact of that kind alive.
   */
  void markReleased(String summarizedId, Release kind) {
    if (releasedSummaries.contains(kind.key(summarizedId))) return;
    own(RELEASED);
    releasedSummaries.add(kind.key(summarizedId));
  }

  /**
   * Between two hooks (or two callback invocations): a release in an earlier one's loop says
   * nothing of a later one's joins, where the array's facts are what that earlier code left.
   */
  void forgetLoopReleases() {
    if (releasedSummaries.isEmpty()) return;
    own(RELEASED);
    releasedSummaries.clear();
  }

  void markAcquired(String summarizedId, Release kind) {
    if (!releasedSummaries.contains(kind.key(summarizedId))) return;
    own(RELEASED);
    releasedSummaries.remove(kind.key(summarizedId));
  }

  static boolean isSummarized(String id) {
    return id.contains("[*]");
  }

  public Set<Fact> facts() {
    return Collections.unmodifiableSet(facts);
  }

  public <T extends Fact> List<T> facts(Class<T> kind, String region) {
    List<T> out = new ArrayList<>();
    for (Fact f : facts) if (kind.isInstance(f) && f.region().equals(region)) out.add(kind.cast(f));
    return out;
  }

  /**
   * Whether this path made {@code region}: it was initialized, and may have been unparented or had
   * its storage freed since (a call on it then is a use after finalization, not a call on a region
   * still to come).
   */
  boolean knowsMade(String region) {
    return !facts(Fact.Owned.class, region).isEmpty()
        || !facts(Fact.Unparented.class, region).isEmpty()
        || !facts(Fact.Freed.class, region).isEmpty();
  }

  /**
   * Whether every {@code object_unparent} the state knows of for {@code region} (at least one) is
   * as {@code how} says: what the unparent left is the same on every path that unparented it.
   */
  public boolean everyUnparent(String region, Predicate<Fact.Unparented> how) {
    List<Fact.Unparented> gone = facts(Fact.Unparented.class, region);
    return !gone.isEmpty() && gone.stream().allMatch(how);
  }

  public <T extends Fact> List<T> facts(Class<T> kind) {
    List<T> out = new ArrayList<>();
    for (Fact f : facts) if (kind.isInstance(f)) out.add(kind.cast(f));
    return out;
  }

  public void add(Fact f) {
    boolean knowing = !known.isEmpty() && correlates(f);
    if (facts.contains(f) && (knowing ? known.equals(implied.get(f)) : !implied.containsKey(f)))
      return;
    own(FACTS | IMPLIED);
    facts.add(f);
    // Added on every path here: it holds where what is known here holds.
    if (knowing) implied.put(f, Map.copyOf(known));
    else implied.remove(f);
  }

  public void removeIf(Predicate<Fact> p) {
    boolean any = false;
    for (Fact f : facts) {
      if (p.test(f)) {
        any = true;
        break;
      }
    }
    if (!any) return;
    own(FACTS | IMPLIED);
    facts.removeIf(p);
    if (!implied.isEmpty()) implied.keySet().removeIf(p);
  }

  /**
   * Puts {@code replacement} where {@code old} was, said on the same paths. Order matters: the
   * pending destroys are RCU's queue, in the order they were queued.
   */
  void replace(Fact old, Fact replacement) {
    if (!facts.contains(old)) {
      add(replacement);
      return;
    }
    own(FACTS | IMPLIED);
    Set<Fact> replaced = new LinkedHashSet<>();
    for (Fact f : facts) replaced.add(f.equals(old) ? replacement : f);
    facts = replaced;
    Map<String, Boolean> where = implied.remove(old);
    if (where != null) implied.put(replacement, where);
  }

  /**
   * Renames everything said about {@code from} (and places inside it) to {@code to}: an object
   * inserted into a QEMU list becomes the list's summarized element.
   */
  void renamePrefix(String from, String to) {
    own(FACTS | ALIASES | IMPLIED);
    Set<Fact> renamed = new LinkedHashSet<>();
    Map<Fact, Map<String, Boolean>> renamedImplied = new HashMap<>();
    for (Fact f : facts) {
      Fact r = Facts.rename(f, from, to);
      renamed.add(r);
      if (implied.containsKey(f)) renamedImplied.put(r, implied.get(f));
    }
    facts = renamed;
    implied = renamedImplied;
    Map<String, String> newAliases = new TreeMap<>();
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      newAliases.put(Facts.renameId(e.getKey(), from, to), Facts.renameId(e.getValue(), from, to));
    }
    aliases = newAliases;
  }

  /**
   * Whether a pointer stored under {@code prefix} ({@code s->buf = g_new0(...)} for {@code self})
   * points at {@code id} or at an object that holds it: a heap object kept there.
   */
  public boolean pointedToFrom(String prefix, String id) {
    for (String key : aliasKeysUnder(prefix)) {
      String target = aliases.get(key);
      if (target != null && Place.isWithin(id, target)) return true;
    }
    return false;
  }

  List<String> aliasKeysUnder(String prefix) {
    List<String> out = new ArrayList<>();
    for (String k : aliases.keySet()) if (k.startsWith(prefix + ".")) out.add(k);
    return out;
  }

  String alias(String id) {
    return aliases.get(id);
  }

  boolean hasAliases() {
    return !aliases.isEmpty();
  }

  void setAlias(String id, String target) {
    if (Objects.equals(aliases.get(id), target)) return;
    own(ALIASES);
    if (target == null) aliases.remove(id);
    else aliases.put(id, target);
  }

  Place local(String name) {
    return locals.get(name);
  }

  void bindLocal(String name, Place p) {
    if (Objects.equals(locals.get(name), p)) return;
    own(LOCALS);
    if (p == null) locals.remove(name);
    else locals.put(name, p);
  }

  /** Enters a callee: the caller's locals are saved by the caller and restored after the call. */
  Map<String, Place> swapLocals(Map<String, Place> newLocals) {
    own(LOCALS);
    Map<String, Place> old = locals;
    locals = newLocals;
    return old;
  }

  /** Merges {@code other} into this state; returns whether anything changed. */
  boolean join(RegionState other) {
    if (other.facts == facts
        && other.aliases == aliases
        && other.releasedSummaries == releasedSummaries
        && other.locals == locals
        && other.known == known
        && other.implied == implied) {
      return false;
    }
    other = withHeapObjectsNamedAsHere(other);
    boolean changed = false;
    if (other.releasedSummaries != releasedSummaries
        && !releasedSummaries.containsAll(other.releasedSummaries)) {
      own(RELEASED);
      changed = releasedSummaries.addAll(other.releasedSummaries);
    }
    if (joinFieldValues(other)) changed = true;
    if (other.facts != facts) {
      for (Fact f : other.facts) {
        if (!isReleasedSummary(f) && !facts.contains(f)) {
          own(FACTS);
          facts.add(f);
          changed = true;
        }
      }
    }
    // Only what one side lacks was given back by the release: a fact both sides carry is held on
    // every path (a helper's ref and unref of one element leave the hook's own reference alone).
    Set<Fact> theirs = other.facts;
    if (anyReleasedSummary()
        && facts.stream().anyMatch(f -> isReleasedSummary(f) && !theirs.contains(f))) {
      own(FACTS);
      facts.removeIf(f -> isReleasedSummary(f) && !theirs.contains(f));
      changed = true;
    }
    if (!implied.isEmpty() && !facts.containsAll(implied.keySet())) {
      own(IMPLIED);
      implied.keySet().retainAll(facts);
    }
    if (other.aliases != aliases) {
      for (Map.Entry<String, String> e : other.aliases.entrySet()) {
        if (!aliases.containsKey(e.getKey())) {
          own(ALIASES);
          aliases.put(e.getKey(), e.getValue());
          changed = true;
        }
      }
    }
    if (other.locals != locals) {
      for (Map.Entry<String, Place> e : other.locals.entrySet()) {
        Place mine = locals.get(e.getKey());
        if (mine == null || mine.isNull() && !e.getValue().isUnknown() && !e.getValue().isNull()) {
          // NULL on one path, a place on the other (buf = NULL; ... buf = map(..)): the place, so
          // that a later if (buf) still tells the paths apart.
          own(LOCALS);
          locals.put(e.getKey(), e.getValue());
          changed = true;
        } else if (e.getValue().isNull() && !mine.isUnknown()) {
          continue;
        } else if (!Objects.equals(mine, e.getValue()) && !mine.isUnknown()) {
          own(LOCALS);
          locals.put(e.getKey(), Place.UNKNOWN);
          changed = true;
        }
      }
    }
    return changed;
  }

  private boolean anyReleasedSummary() {
    if (releasedSummaries.isEmpty()) return false;
    for (Fact f : facts) if (isReleasedSummary(f)) return true;
    return false;
  }

  /**
   * {@code other}, where it names a heap object differently from this state through the same
   * pointer field ({@code s->as = g_new0(...)} at one site on each branch), with that object
   * renamed to this state's name for it, if neither state knows the other's object: on every path
   * at most one of the two exists, and the code after the join reaches it through the field, so
   * they are one object, as an allocation site is one across loop iterations. A join keeps one
   * target per pointer field: without this, a destroy through the field after the join would reach
   * only what one branch made.
   */
  private RegionState withHeapObjectsNamedAsHere(RegionState other) {
    RegionState renamed = other;
    for (Map.Entry<String, String> e : other.aliases.entrySet()) {
      String mine = aliases.get(e.getKey());
      String theirs = e.getValue();
      if (mine == null
          || mine.equals(theirs)
          || !mine.startsWith(HEAP_OBJECT)
          || !theirs.startsWith(HEAP_OBJECT)
          || mentions(theirs)
          || renamed.mentions(mine)) {
        continue;
      }
      if (renamed == other) renamed = other.copy();
      renamed.renamePrefix(theirs, mine);
    }
    return renamed;
  }

  /** Whether anything here (a fact, a pointer field, a local) is about {@code object}. */
  private boolean mentions(String object) {
    for (Map.Entry<String, String> e : aliases.entrySet()) {
      if (Place.isWithin(e.getKey(), object) || Place.isWithin(e.getValue(), object)) return true;
    }
    for (Place p : locals.values()) {
      if (Place.isWithin(p.id(), object)) return true;
    }
    for (Fact f : facts) {
      if (!Facts.rename(f, object, object + "'").equals(f)) return true;
    }
    return false;
  }

  /**
   * Joins what is known of fields (kept where both sides agree) and what facts imply (for a fact on
   * both sides, what both imply; on one side, what that side implies). Runs before the facts are
   * merged.
   */
  private boolean joinFieldValues(RegionState other) {
    boolean changed = false;
    if (other.known != known) {
      for (Map.Entry<String, Boolean> e : known.entrySet()) {
        if (!e.getValue().equals(other.known.get(e.getKey()))) {
          own(KNOWN);
          changed =
              known.entrySet().removeIf(k -> !k.getValue().equals(other.known.get(k.getKey())));
          break;
        }
      }
    }
    if (other.implied == implied && other.facts == facts) return changed;
    if (!implied.isEmpty()) {
      for (Fact f : List.copyOf(implied.keySet())) {
        if (!other.facts.contains(f) || !facts.contains(f)) continue;
        Map<String, Boolean> mine = implied.get(f);
        Map<String, Boolean> theirs = other.implied.getOrDefault(f, Map.of());
        if (theirs == mine) continue;
        Map<String, Boolean> both = new HashMap<>(mine);
        both.entrySet().removeIf(e -> !e.getValue().equals(theirs.get(e.getKey())));
        if (both.size() == mine.size()) continue;
        changed = true;
        own(IMPLIED);
        if (both.isEmpty()) implied.remove(f);
        else implied.put(f, Map.copyOf(both));
      }
    }
    for (Map.Entry<Fact, Map<String, Boolean>> e : other.implied.entrySet()) {
      if (!facts.contains(e.getKey()) && implied.get(e.getKey()) != e.getValue()) {
        own(IMPLIED);
        implied.put(e.getKey(), e.getValue());
      }
    }
    return changed;
  }

  private boolean isReleasedSummary(Fact f) {
    if (releasedSummaries.isEmpty() || f instanceof Fact.Owned || f instanceof Fact.Unparented)
      return false;
    String id = f instanceof Fact.AddressSpaceLive a ? a.addressSpace() : f.region();
    return releasedSummaries.contains(Release.of(f).key(id));
  }
}
