package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.mrcheck.model.GuardValue;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What an observation records for the runtime model to refute a witness with: the conditions on
 * every path to the call ({@link Observation#conditions}) and the values the code gives fields
 * right after it ({@link Observation#writesAfter}), by keys that name a field through any variable
 * of its struct type.
 */
class PathConditionsTest {
  private static Observation first(FlowHarness.Run run, Class<?> effect) {
    return run.observed().stream()
        .filter(o -> effect.isInstance(o.effect()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCallRecordsTheNullTestsOnItsPathAndTheValuesWrittenAfterIt() {
    FlowHarness.Run run =
        FlowHarness.run(
            Semantics.CURRENT,
            Role.REALIZE,
            "if (!s->heap) {\n    return;\n}\nif (s->mode == 2) {\n    return;\n}\n"
                + "memory_region_ref(s->heap);\ns->pins++;\ns->pinned = true;\ns->mode = 0;");
    Observation ref = first(run, Operation.Ref.class);
    assertThat(ref.conditions())
        .contains(new PathCondition("DevState::heap", "s->heap", true))
        .hasSize(2);
    // The comparison is a condition too, though no field can be named by it.
    assertThat(ref.conditions()).filteredOn(c -> !c.named()).hasSize(1);
    assertThat(ref.writesAfter())
        .extracting(FieldWrite::key, FieldWrite::value)
        .containsExactly(
            tuple("DevState::pins", GuardValue.of("nonzero")),
            tuple("DevState::pinned", GuardValue.of("true")),
            // The frontend reads a bare 0 as a null pointer constant: the same truth.
            tuple("DevState::mode", GuardValue.of("NULL")));
  }

  @Test
  void aHelperCalledRightAfterTheCallWritesOnItsPath() {
    FlowHarness.Run run =
        FlowHarness.run(
            Semantics.CURRENT,
            Role.REALIZE,
            "static void note_pinned(DevState *d)\n{\n    d->pinned = true;\n}\n",
            "memory_region_ref(s->heap);\nnote_pinned(s);",
            new RegionState());
    assertThat(first(run, Operation.Ref.class).writesAfter())
        .extracting(FieldWrite::key, FieldWrite::value)
        .containsExactly(tuple("DevState::pinned", GuardValue.of("true")));
  }

  @Test
  void theResultOfAMappingIsNotNullWhereTheWitnessHasIt() {
    FlowHarness.Run run =
        FlowHarness.run(
            Semantics.CURRENT,
            Role.REALIZE,
            "hwaddr len = 4096;\ns->buf = address_space_map(&s->as, 0, &len, true,"
                + " MEMTXATTRS_UNSPECIFIED);\ns->shadow = s->buf;");
    assertThat(first(run, Operation.AddressSpaceMap.class).writesAfter())
        .extracting(FieldWrite::key, FieldWrite::value)
        .containsExactly(
            tuple("DevState::buf", GuardValue.of("non-NULL")),
            tuple("DevState::shadow", GuardValue.of("non-NULL")));
  }

  @Test
  void aWriteRecordsTheOtherFunctionsThatGiveTheFieldAnotherValue() {
    FlowHarness.Run run =
        FlowHarness.run(
            Semantics.CURRENT,
            Role.REALIZE,
            "static void reset(DevState *d)\n{\n    d->pinned = false;\n    d->pins--;\n}\n"
                + "static void again(DevState *d)\n{\n    d->pinned = true;\n}\n",
            "memory_region_ref(s->heap);\ns->pinned = true;\ns->pins++;",
            new RegionState());
    assertThat(first(run, Operation.Ref.class).writesAfter())
        .extracting(FieldWrite::key, FieldWrite::contradictedIn)
        .containsExactly(
            tuple("DevState::pinned", Set.of("reset")), tuple("DevState::pins", Set.of("reset")));
  }
}
