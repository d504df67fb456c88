package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Correlated guards ({@link RegionState#fieldAssigned}, {@link RegionState#fieldTested}): what the
 * device's tested fields are on every path, and what a fact implies of them where it holds.
 */
class FieldValuesTest {
  private static final SourceLoc AT = new SourceLoc("dev.c", 1, 1, 1, 1);
  private static final Fact REF =
      new Fact.Referenced(
          "self.backend",
          "s->backend",
          "memory_region_ref",
          Fact.Owner.OTHER,
          Role.REALIZE,
          AT,
          List.of(),
          0);

  @Test
  void aFlagSetAfterAReferenceIsImpliedByIt() {
    RegionState s = new RegionState();
    s.add(REF);
    s.fieldAssigned("self.pinned", true);
    assertThat(s.implied(REF)).isEqualTo(Map.of("self.pinned", true));
    assertThat(s.known("self.pinned")).isTrue();
  }

  @Test
  void aBranchContradictingWhatAFactImpliesDropsIt() {
    RegionState s = new RegionState();
    s.add(REF);
    s.fieldAssigned("self.pinned", true);
    RegionState unset = s.copy();
    assertThat(unset.fieldTested("self.pinned", false)).isFalse();
    assertThat(unset.facts()).doesNotContain(REF);
    RegionState set = s.copy();
    assertThat(set.fieldTested("self.pinned", true)).isTrue();
    assertThat(set.facts()).contains(REF);
  }

  @Test
  void aJoinKeepsWhatBothSidesAgreeOnAndWhatOneSideImplies() {
    RegionState pinned = new RegionState();
    pinned.add(REF);
    pinned.fieldAssigned("self.pinned", true);
    RegionState other = new RegionState();
    other.fieldAssigned("self.pinned", false);
    pinned.join(other);
    assertThat(pinned.known("self.pinned")).isNull();
    // Only the pinned side holds the reference: where it holds, the flag is set.
    assertThat(pinned.implied(REF)).isEqualTo(Map.of("self.pinned", true));
    RegionState unpinned = new RegionState();
    unpinned.add(REF);
    pinned.join(unpinned);
    assertThat(pinned.implied(REF)).isEmpty();
  }

  @Test
  void aReferenceTakenUnderANullTestImpliesThePointerSet() {
    FlowHarness.Run run =
        FlowHarness.run(
            Semantics.CURRENT,
            Role.REALIZE,
            "if (s->heap) {\n    memory_region_ref(s->heap);\n}\nif (!s->heap) {\n"
                + "    memory_region_unref(s->heap);\n}");
    Fact.Referenced ref = run.facts(Fact.Referenced.class, "self.heap").get(0);
    assertThat(run.exit().implied(ref)).isEqualTo(Map.of("self.heap", true));
    // The unref on the branch where the pointer is NULL gave back nothing: there was none.
    assertThat(run.facts(Fact.Released.class)).isEmpty();
  }

  @Test
  void anUnrefOfTheLastReferenceLeavesAMarkUntilTheNextRef() {
    FlowHarness.Run released =
        FlowHarness.run(
            Semantics.CURRENT,
            Role.REALIZE,
            "memory_region_ref(s->heap);\nmemory_region_unref(s->heap);");
    assertThat(released.facts(Fact.Released.class, "self.heap")).singleElement();
    FlowHarness.Run again =
        FlowHarness.run(
            Semantics.CURRENT,
            Role.REALIZE,
            "memory_region_ref(s->heap);\nmemory_region_unref(s->heap);\n"
                + "memory_region_ref(s->heap);");
    assertThat(again.facts(Fact.Released.class)).isEmpty();
  }
}
