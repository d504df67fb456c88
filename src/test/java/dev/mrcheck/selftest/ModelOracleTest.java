package dev.mrcheck.selftest;

import static dev.mrcheck.selftest.DeviceProgram.addSubregion;
import static dev.mrcheck.selftest.DeviceProgram.delSubregion;
import static dev.mrcheck.selftest.DeviceProgram.init;
import static dev.mrcheck.selftest.DeviceProgram.ref;
import static dev.mrcheck.selftest.DeviceProgram.unparent;
import static dev.mrcheck.selftest.DeviceProgram.unref;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The self-test's reference, the runtime model run over every scenario and path, on hand-built
 * devices.
 */
class ModelOracleTest {
  private static final ModelOracle ORACLE = new ModelOracle(RuleOracles.TABLE);
  private static final List<RegionField> ONE_REGION =
      List.of(new RegionField("r0", Shape.EMBEDDED));

  private static DeviceProgram pci(List<Stmt> realize, List<Stmt> unrealize) {
    return DeviceProgram.device(true, ONE_REGION, 0)
        .hooks(Map.of(Role.REALIZE, realize, Role.UNREALIZE, unrealize))
        .build();
  }

  private static ModelOracle.Result run(DeviceProgram p, Semantics semantics) {
    return ORACLE.run(p, new CRenderer().render(p), semantics);
  }

  private static ApiCall io() {
    return init(0, RegionKind.IO, Slot.Fixed.SELF, -1);
  }

  @Test
  void regionLeftInSystemMemoryAtUnplugIsMR005ExceptUnderRefcount() {
    ApiCall add = addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0);
    DeviceProgram p = pci(List.of(io(), add), List.of());
    int line = new CRenderer().render(p).lineOf(add);
    assertThat(run(p, Semantics.CURRENT).violations())
        .containsExactly(new Violation("MR005", line));
    assertThat(run(p, Semantics.LEGACY).violations()).containsExactly(new Violation("MR005", line));
    // Under refcount qdev deletes the device's regions from their containers at unrealize.
    assertThat(run(p, Semantics.REFCOUNT).violations()).isEmpty();
  }

  @Test
  void unparentWithoutDelIsMR002AndTheMappingStillLeaks() {
    ApiCall add = addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0);
    ApiCall unparent = unparent(0);
    DeviceProgram p = pci(List.of(io(), add), List.of(unparent));
    RenderedSource src = new CRenderer().render(p);
    ModelOracle.Result r = run(p, Semantics.CURRENT);
    assertThat(r.violations())
        .containsExactly(
            new Violation("MR005", src.lineOf(add)), new Violation("MR002", src.lineOf(unparent)));
    assertThat(r.witnesses()).containsKeys(r.violations().toArray(Violation[]::new));
    assertThat(r.malformed()).isFalse();
    assertThat(run(p, Semantics.REFCOUNT).violations())
        .containsExactly(new Violation("MR002", src.lineOf(unparent)));
  }

  @Test
  void delThenUnparentIsCleanUnderEverySemantics() {
    DeviceProgram p =
        pci(
            List.of(io(), addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0)),
            List.of(delSubregion(Slot.Fixed.SYSTEM_MEMORY, 0), unparent(0)));
    for (Semantics s : Semantics.values()) {
      ModelOracle.Result r = run(p, s);
      assertThat(r.violations()).as(s.label()).isEmpty();
      assertThat(r.malformed()).as(s.label()).isFalse();
    }
  }

  @Test
  void refOfOwnRegionNotDroppedOnAnExitPathIsMR001OnThatPathOnly() {
    ApiCall ref = ref(0);
    DeviceProgram always = pci(List.of(io(), ref), List.of(unref(0)));
    DeviceProgram earlyReturn =
        pci(List.of(io(), ref(0)), List.of(new IfError(1, List.of()), unref(0)));
    int line = new CRenderer().render(earlyReturn).lineOf(earlyReturn.hook(Role.REALIZE).get(1));

    ModelOracle.Result balanced = run(always, Semantics.CURRENT);
    ModelOracle.Result leaky = run(earlyReturn, Semantics.CURRENT);

    assertThat(balanced.violations()).isEmpty();
    assertThat(leaky.violations()).containsExactly(new Violation("MR001", line));
    // One more path than the straight-line program: the error branch taken in unrealize.
    assertThat(leaky.paths()).isEqualTo(balanced.paths() + 1);
    assertThat(leaky.witnesses().get(new Violation("MR001", line)).branches())
        .containsExactly(true);
  }
}
