package dev.mrcheck.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.selftest.ListShrinker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of API calls: whatever the code does, the model stays consistent, never throws,
 * and says the same thing twice. Each case is drawn from its own seed (a fixed range), so a failure
 * names the seed that replays it, with the calls shrunk to the fewest that still fail.
 */
class RuntimeModelRandomCallsTest {
  private static final long SEED = 20261207;
  private static final int MAX_CALLS = 60;

  /** The calls {@link Interpreter#apply} makes, by {@link Op#code()}. */
  private static final List<String> CALLS =
      List.of(
          "object_new",
          "memory_region_init",
          "add_subregion",
          "del_subregion",
          "memory_region_ref",
          "memory_region_unref",
          "unparent_region",
          "object_ref",
          "object_unref",
          "object_unparent",
          "add_child",
          "address_space_init",
          "address_space_destroy",
          "address_space_destroy_free",
          "g_free(as)",
          "g_free_rcu(as)",
          "rcu_drain",
          "address_space_map",
          "address_space_unmap",
          "use_region",
          "set_instance_finalize");

  /** One API call; its operands are indexes into what exists so far, taken modulo its size. */
  record Op(int code, int a, int b) {
    @Override
    public String toString() {
      return CALLS.get(code) + "(" + a + ", " + b + ")";
    }
  }

  /** A generated case: the semantics and the calls that {@code seed} draws. */
  record Case(long seed, Semantics semantics, List<Op> ops) {
    static Case of(long seed) {
      Random random = new Random(seed);
      Semantics semantics = Semantics.values()[random.nextInt(Semantics.values().length)];
      List<Op> ops = new ArrayList<>();
      for (int n = random.nextInt(MAX_CALLS + 1); n > 0; n--) {
        ops.add(new Op(random.nextInt(CALLS.size()), random.nextInt(51), random.nextInt(51)));
      }
      return new Case(seed, semantics, ops);
    }

    /** Runs {@code property}; on failure, fails again with the seed and the calls shrunk. */
    void check(BiConsumer<Semantics, List<Op>> property) {
      if (!ListShrinker.throwsOn(calls -> property.accept(semantics, calls), ops)) return;
      List<Op> shrunk =
          ListShrinker.shrink(
              ops, calls -> ListShrinker.throwsOn(c -> property.accept(semantics, c), calls));
      try {
        property.accept(semantics, shrunk);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "seed "
                + seed
                + " ("
                + semantics.label()
                + " semantics, "
                + ops.size()
                + " calls), shrunk to "
                + shrunk.size()
                + ": "
                + shrunk
                + "\n"
                + e,
            e);
      }
    }
  }

  static Stream<Long> seeds300() {
    return LongStream.range(SEED, SEED + 300).boxed();
  }

  static Stream<Long> seeds150() {
    return LongStream.range(SEED, SEED + 150).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds300")
  void invariantsHoldAfterEveryCall(long seed) {
    Case.of(seed)
        .check(
            (semantics, ops) -> {
              Interpreter it = new Interpreter(semantics);
              for (Op op : ops) {
                it.apply(op);
                checkInvariants(it.model);
              }
              it.model.rcuDrain();
              it.model.checkLeaks();
              checkInvariants(it.model);
            });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds150")
  void outcomesAndTraceAreDeterministic(long seed) {
    Case.of(seed)
        .check(
            (semantics, ops) ->
                assertThat(render(semantics, ops)).isEqualTo(render(semantics, ops)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds150")
  void leaksAreOnlyReportedForLiveNodes(long seed) {
    Case.of(seed)
        .check(
            (semantics, ops) -> {
              Interpreter it = new Interpreter(semantics);
              ops.forEach(it::apply);
              it.model.rcuDrain();
              for (Outcome.Leak leak : it.model.checkLeaks()) {
                it.model.nodes().stream()
                    .filter(n -> n.name().equals(leak.subject()))
                    .forEach(n -> assertThat(n.isFinalized()).as(leak.subject()).isFalse());
                assertThat(leak.heldBy()).as("a leak says what holds it").isNotEmpty();
              }
            });
  }

  private static List<String> render(Semantics semantics, List<Op> ops) {
    Interpreter it = new Interpreter(semantics);
    ops.forEach(it::apply);
    it.model.rcuDrain();
    it.model.checkLeaks();
    List<String> out = new ArrayList<>();
    it.model.outcomes().forEach(o -> out.add(o.toString()));
    it.model.trace().forEach(t -> out.add(t.toString()));
    return out;
  }

  static void checkInvariants(RuntimeModel m) {
    for (Node n : m.nodes()) {
      assertThat(n.refcount()).as("refcount of %s", n.name()).isNotNegative();
      if (n.isFinalized()) {
        assertThat(n.refcount()).as("finalized %s holds no references", n.name()).isZero();
        assertThat(n.parent()).as("finalized %s has no parent", n.name()).isNull();
      }
      if (n instanceof Region r) {
        for (Region sub : r.subregions()) {
          assertThat(sub.container()).as("%s in %s", sub.name(), r.name()).isSameAs(r);
          assertThat(sub.isFinalized())
              .as("finalized %s still in %s", sub.name(), r.name())
              .isFalse();
        }
        if (r.container() != null) {
          assertThat(r.container().subregions())
              .as("%s listed by its container", r.name())
              .contains(r);
        }
        if (r.isFinalized()) {
          assertThat(r.container()).isNull();
          assertThat(r.subregions()).isEmpty();
        }
      }
    }
  }

  /**
   * Turns an Op into a call on a model with a few objects, regions, address spaces and mappings.
   */
  static final class Interpreter {
    final RuntimeModel model;
    final List<QObject> objects = new ArrayList<>();
    final List<Region> regions = new ArrayList<>();
    final List<AddressSpace> spaces = new ArrayList<>();
    final List<Mapping> mappings = new ArrayList<>();
    private int line;

    Interpreter(Semantics semantics) {
      model = new RuntimeModel(semantics);
      objects.add(model.newObject("dev0"));
      objects.add(model.newObject("dev1"));
      regions.add(model.initRegion("system_memory", null, RegionKind.CONTAINER, null, null));
    }

    private static <T> T pick(List<T> list, int i) {
      return list.get(i % list.size());
    }

    void apply(Op op) {
      SourceLoc loc = SourceLoc.of("random.c", ++line, 1);
      int a = op.a();
      int b = op.b();
      Holder holder = b % 3 == 0 ? Holder.CALLER : pick(objects, b);
      switch (op.code()) {
        case 0 -> objects.add(model.newObject("obj" + objects.size(), loc));
        case 1 -> {
          RegionKind kind = RegionKind.values()[b % RegionKind.values().length];
          QObject owner = a % (objects.size() + 1) == objects.size() ? null : pick(objects, a);
          Region target = kind == RegionKind.ALIAS ? pick(regions, b) : null;
          regions.add(model.initRegion("r" + regions.size(), owner, kind, target, loc));
        }
        case 2 -> model.addSubregion(pick(regions, a), pick(regions, b), loc);
        case 3 -> model.delSubregion(pick(regions, a), pick(regions, b), loc);
        case 4 -> model.ref(pick(regions, a), holder, loc);
        case 5 -> model.unref(pick(regions, a), holder, loc);
        case 6 -> model.unparentRegion(pick(regions, a), loc);
        case 7 -> model.objectRef(pick(objects, a), holder, loc);
        case 8 -> model.objectUnref(pick(objects, a), holder, loc);
        case 9 -> model.objectUnparent(pick(objects, a), loc);
        case 10 -> model.addChild(pick(objects, a), pick(objects, b), loc);
        case 11 -> spaces.add(model.addressSpaceInit("as" + spaces.size(), pick(regions, a), loc));
        case 12, 13, 14, 15 -> {
          if (spaces.isEmpty()) {
            return;
          }
          AddressSpace as = pick(spaces, a);
          switch (op.code()) {
            case 12 -> model.addressSpaceDestroy(as, loc);
            case 13 -> model.addressSpaceDestroyFree(as, loc);
            case 14 -> model.gFree(as, loc);
            default -> model.gFreeRcu(as, loc);
          }
        }
        case 16 -> model.rcuDrain();
        case 17 -> {
          if (!spaces.isEmpty()) {
            mappings.add(model.addressSpaceMap(pick(spaces, a), pick(regions, b), loc));
          }
        }
        case 18 -> {
          if (!mappings.isEmpty()) {
            model.addressSpaceUnmap(pick(mappings, a), loc);
          }
        }
        case 19 -> model.useRegion(pick(regions, a), "memory_region_set_enabled", loc);
        default -> {
          QObject obj = pick(objects, a);
          model.setInstanceFinalize(obj, () -> model.unparentRegion(pick(regions, b), loc));
        }
      }
    }
  }
}
