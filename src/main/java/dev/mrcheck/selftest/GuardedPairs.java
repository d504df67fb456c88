package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import dev.mrcheck.selftest.StateField.Kind;
import dev.mrcheck.selftest.StateFieldWrite.Write;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's step for correlated guards (#18 item 3): a take and its undo in different phases
 * or callback invocations, each under a test of the device's state, right or wrong.
 *
 * <ul>
 *   <li>A take in realize, {@code if (s->prop_x)} or {@code if (s->backend)}: a reference on the
 *       backend's region ({@code memory_region_ref(s->backend)}) or a mapping of a region of its
 *       own into system memory; marked in a flag ({@code s->pinned = true}), a counter ({@code
 *       s->maps++}) or not at all. The undo in unrealize tests the mark, or the same input again.
 *   <li>A take in the MMIO handler, once ({@code if (!s->pinned) { ...; s->pinned = true; }}),
 *       undone in unrealize under the flag.
 *   <li>A toggle in the MMIO handler: one invocation makes and maps a container and flags it, the
 *       next one (under the flag) unparents it, with or without deleting it first (MR002).
 * </ul>
 *
 * The wrong variants: the flag never set, the flag cleared before the test, a test of another flag
 * that nothing sets, a toggle that unparents a mapped region. The pair names only its own region
 * field and the backend, which the rest of the generator never picks, so its statements stay
 * plausible whatever the random ones do.
 */
final class GuardedPairs {
  /** Programs that get a pair, in percent. */
  static final int SHARE = 35;

  static final StateField PROPERTY = new StateField("prop_x", Kind.PROPERTY);
  static final StateField PINNED = new StateField("pinned", Kind.FLAG);
  static final StateField MAPPED = new StateField("mapped", Kind.FLAG);
  static final StateField COUNTER = new StateField("maps", Kind.COUNTER);
  static final StateField OTHER_FLAG = new StateField("other_flag", Kind.FLAG);

  /** What a pair adds to a program. */
  record Pair(
      List<RegionField> regions,
      Map<Role, List<Stmt>> hookStart,
      Map<Role, List<Stmt>> hookEnd,
      List<Stmt> runtimeEnd) {
    static final Pair NONE = new Pair(List.of(), Map.of(), Map.of(), List.of());

    List<Stmt> start(Role role) {
      return hookStart.getOrDefault(role, List.of());
    }

    List<Stmt> end(Role role) {
      return hookEnd.getOrDefault(role, List.of());
    }

    /** {@code body} with the pair's statements of {@code role} around it. */
    List<Stmt> around(Role role, List<Stmt> body) {
      List<Stmt> out = new ArrayList<>(start(role));
      out.addAll(body);
      out.addAll(end(role));
      return out;
    }
  }

  /** How the undo's test relates to the take. */
  enum Variant {
    RIGHT,
    FLAG_NEVER_SET,
    FLAG_CLEARED_BEFORE_TEST,
    OTHER_FLAG_TESTED
  }

  private final Choices c;

  /** The index of the pair's own region field (after the program's random ones). */
  private final int region;

  private final Map<Role, List<Stmt>> start = new EnumMap<>(Role.class);
  private final Map<Role, List<Stmt>> end = new EnumMap<>(Role.class);
  private final List<Stmt> runtime = new ArrayList<>();
  private boolean usesRegion;

  private GuardedPairs(Choices c, int region) {
    this.c = c;
    this.region = region;
  }

  /**
   * A pair for a program with {@code regions} region fields, or {@link Pair#NONE} (most programs).
   */
  static Pair draw(Choices c, int regions) {
    if (!c.chance(SHARE)) return Pair.NONE;
    GuardedPairs g = new GuardedPairs(c, regions);
    switch (c.next(3)) {
      case 0 -> g.inRealize();
      case 1 -> g.onceInHandler();
      default -> g.toggleInHandler();
    }
    return g.pair();
  }

  private Pair pair() {
    List<RegionField> fields =
        usesRegion ? List.of(new RegionField("g" + region, Shape.EMBEDDED)) : List.of();
    return new Pair(fields, start, end, runtime);
  }

  private Variant variant() {
    // Right about half the time: the must-not-flag siblings matter as much as the bugs.
    return c.chance(50) ? Variant.RIGHT : Variant.values()[1 + c.next(3)];
  }

  /** A reference on the backend's region, or a mapping of the pair's region in system memory. */
  private boolean takesReference() {
    return c.chance(50);
  }

  private Stmt take(boolean reference) {
    return reference
        ? new ApiCall(new Operation.Ref<>(Slot.Fixed.BACKEND, false))
        : DeviceProgram.addSubregion(Slot.Fixed.SYSTEM_MEMORY, region);
  }

  private Stmt undo(boolean reference) {
    return reference
        ? new ApiCall(new Operation.Unref<>(Slot.Fixed.BACKEND))
        : DeviceProgram.delSubregion(Slot.Fixed.SYSTEM_MEMORY, region);
  }

  /** The pair's region, made by realize before the take (owned by the device). */
  private Stmt initRegion(RegionKind kind) {
    usesRegion = true;
    return DeviceProgram.init(region, kind, Slot.Fixed.SELF, -1);
  }

  private void inRealize() {
    boolean reference = takesReference();
    List<Stmt> realize = new ArrayList<>();
    if (!reference) realize.add(initRegion(RegionKind.IO));
    // A reference on the backend only when the backend is tested; a mapping under either input.
    StateField input = reference && c.chance(50) ? StateField.BACKEND : PROPERTY;
    // The mark: a flag, a counter, or none (the undo tests the input again).
    int mark = c.next(3);
    StateField marked = mark == 0 ? flag(reference) : mark == 1 ? COUNTER : input;
    Variant v = variant();
    if (marked == input && v == Variant.FLAG_CLEARED_BEFORE_TEST) v = Variant.FLAG_NEVER_SET;
    List<Stmt> taken = new ArrayList<>(List.of(take(reference)));
    if (marked != input && v != Variant.FLAG_NEVER_SET) taken.add(mark(marked));
    realize.add(new Guard(input, taken));
    end.put(Role.REALIZE, realize);
    StateField tested =
        v == Variant.OTHER_FLAG_TESTED
            ? OTHER_FLAG
            : v == Variant.FLAG_NEVER_SET && marked == input ? flag(reference) : marked;
    start.put(Role.UNREALIZE, undoUnder(tested, reference, v, marked != input));
  }

  private void onceInHandler() {
    boolean reference = takesReference();
    if (!reference) end.put(Role.REALIZE, List.of(initRegion(RegionKind.IO)));
    Variant v = variant();
    List<Stmt> taken = new ArrayList<>(List.of(take(reference)));
    // Without the flag set the take would run on every invocation: the flag is the guard itself.
    StateField flag = flag(reference);
    taken.add(new StateFieldWrite(flag, Write.SET));
    runtime.add(new Guard(flag, true, taken, List.of()));
    if (v == Variant.FLAG_NEVER_SET) v = Variant.FLAG_CLEARED_BEFORE_TEST;
    StateField tested = v == Variant.OTHER_FLAG_TESTED ? OTHER_FLAG : flag;
    start.put(Role.UNREALIZE, undoUnder(tested, reference, v, true));
  }

  /** The MMIO handler maps and flags on one invocation, unparents under the flag on the next. */
  private void toggleInHandler() {
    boolean deletes = c.chance(50);
    List<Stmt> make =
        List.of(
            initRegion(RegionKind.CONTAINER),
            DeviceProgram.addSubregion(Slot.Fixed.SYSTEM_MEMORY, region),
            new StateFieldWrite(MAPPED, Write.SET));
    List<Stmt> drop = new ArrayList<>();
    if (deletes) drop.add(DeviceProgram.delSubregion(Slot.Fixed.SYSTEM_MEMORY, region));
    drop.add(DeviceProgram.unparent(region));
    drop.add(new StateFieldWrite(MAPPED, Write.CLEAR));
    runtime.add(new Guard(MAPPED, true, make, drop));
    start.put(
        Role.UNREALIZE,
        List.of(
            new Guard(
                MAPPED,
                List.of(
                    DeviceProgram.delSubregion(Slot.Fixed.SYSTEM_MEMORY, region),
                    DeviceProgram.unparent(region),
                    new StateFieldWrite(MAPPED, Write.CLEAR)))));
  }

  private static StateField flag(boolean reference) {
    return reference ? PINNED : MAPPED;
  }

  private static Stmt mark(StateField f) {
    return new StateFieldWrite(f, f.kind() == Kind.COUNTER ? Write.INCREMENT : Write.SET);
  }

  /** unrealize's undo: {@code if (s->tested) { undo; unmark }}, the wrong variants included. */
  private List<Stmt> undoUnder(StateField tested, boolean reference, Variant v, boolean unmark) {
    List<Stmt> exit = new ArrayList<>();
    if (v == Variant.FLAG_CLEARED_BEFORE_TEST) exit.add(new StateFieldWrite(tested, Write.CLEAR));
    List<Stmt> undone = new ArrayList<>(List.of(undo(reference)));
    if (unmark)
      undone.add(
          new StateFieldWrite(
              tested, tested.kind() == Kind.COUNTER ? Write.DECREMENT : Write.CLEAR));
    exit.add(new Guard(tested, undone));
    return exit;
  }
}
