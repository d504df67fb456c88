package dev.mrcheck.selftest;

import static dev.mrcheck.selftest.DeviceProgram.addSubregion;
import static dev.mrcheck.selftest.DeviceProgram.delSubregion;
import static dev.mrcheck.selftest.DeviceProgram.init;
import static dev.mrcheck.selftest.DeviceProgram.ref;
import static dev.mrcheck.selftest.DeviceProgram.unparent;
import static dev.mrcheck.selftest.DeviceProgram.unref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The CLI's shrinker reduces a failing program to a minimal one that still fails. */
class ShrinkerTest {
  private static final List<RegionField> REGIONS =
      List.of(new RegionField("r0", Shape.EMBEDDED), new RegionField("r1", Shape.HEAP));

  /**
   * "Fails" when an add of r0 comes, in program order (hooks, helpers, run-time code), before an
   * unparent of r0.
   */
  private static final Predicate<DeviceProgram> UNPARENT_OF_R0_AFTER_ADD =
      p -> {
        boolean added = false;
        for (Stmt s : p.statements()) {
          if (!(s instanceof ApiCall c) || !c.operation().subject().equals(new Slot.RegionAt(0)))
            continue;
          if (c.operation() instanceof Operation.Map) added = true;
          if (c.operation() instanceof Operation.Unparent && added) return true;
        }
        return false;
      };

  /** Eleven statements in three hooks, a helper and run-time code, of which two make it fail. */
  private static DeviceProgram noisy() {
    List<Stmt> init =
        List.of(
            init(0, RegionKind.IO, Slot.Fixed.SELF, -1),
            init(1, RegionKind.RAM, Slot.Fixed.SELF, -1));
    List<Stmt> realize =
        List.of(
            ref(1),
            addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0),
            new CallHelper(0),
            new IfError(1, List.of(unref(1), unparent(1))));
    List<Stmt> unrealize =
        List.of(delSubregion(Slot.Fixed.SYSTEM_MEMORY, 1), unparent(0), unref(1));
    return DeviceProgram.device(true, REGIONS, 0)
        .hooks(Map.of(Role.INSTANCE_INIT, init, Role.REALIZE, realize, Role.UNREALIZE, unrealize))
        .helpers(List.of(List.of(ref(0))))
        .runtime(List.of(unref(0)))
        .build();
  }

  @Test
  void shrinksToTheTwoStatementsThatFailAndKeepsItFailing() {
    DeviceProgram p = noisy();
    assertThat(UNPARENT_OF_R0_AFTER_ADD).accepts(p);

    DeviceProgram shrunk = new Shrinker(1_000).shrink(p, UNPARENT_OF_R0_AFTER_ADD);

    assertThat(UNPARENT_OF_R0_AFTER_ADD).accepts(shrunk);
    assertThat(shrunk.statements())
        .containsExactly(addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0), unparent(0));
    assertThat(shrunk.hook(Role.REALIZE))
        .containsExactly(addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0));
    assertThat(shrunk.hook(Role.UNREALIZE)).containsExactly(unparent(0));
    assertThat(shrunk.hotPluggable()).isTrue();
    assertThat(shrunk.regions()).isEqualTo(REGIONS);
  }

  @Test
  void aFailureInsideAnErrorBranchShrinksIntoTheBranch() {
    List<Stmt> realize =
        List.of(
            addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0),
            ref(0),
            new IfError(2, List.of(unref(0), unparent(0), unparent(1))),
            unref(0));
    DeviceProgram p =
        DeviceProgram.device(true, REGIONS, 0).hooks(Map.of(Role.REALIZE, realize)).build();
    Predicate<DeviceProgram> unparentOnErrorPath =
        q ->
            q.hook(Role.REALIZE).stream()
                .anyMatch(s -> s instanceof IfError e && e.then().contains(unparent(0)));

    DeviceProgram shrunk = new Shrinker(1_000).shrink(p, unparentOnErrorPath);

    assertThat(shrunk.hook(Role.REALIZE)).containsExactly(new IfError(2, List.of(unparent(0))));
  }

  @Test
  void aProgramNoSmallerOneFailsComesBackUnchanged() {
    DeviceProgram p =
        DeviceProgram.device(true, REGIONS, 0)
            .hooks(
                Map.of(
                    Role.REALIZE, List.of(addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0), unparent(0))))
            .build();
    assertThat(new Shrinker(1_000).shrink(p, UNPARENT_OF_R0_AFTER_ADD)).isEqualTo(p);
  }

  @Test
  void stopsAfterItsBudgetOfAttempts() {
    AtomicInteger tests = new AtomicInteger();
    DeviceProgram shrunk =
        new Shrinker(3)
            .shrink(
                noisy(),
                p -> {
                  tests.incrementAndGet();
                  return UNPARENT_OF_R0_AFTER_ADD.test(p);
                });
    assertThat(tests.get()).isLessThanOrEqualTo(3);
    assertThat(UNPARENT_OF_R0_AFTER_ADD).accepts(shrunk);
    assertThat(shrunk.size()).isLessThan(noisy().size());
  }
}
