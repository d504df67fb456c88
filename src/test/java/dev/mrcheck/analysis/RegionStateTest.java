package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import org.junit.jupiter.api.Test;

/** What a join of two paths keeps ({@link RegionState#join}), on states the flow made. */
class RegionStateTest {
  private static final String ALLOCATED_ON_EITHER_BRANCH =
      "if (s->x) {\n"
          + "  s->heap = g_new0(MemoryRegion, 1);\n"
          + "  memory_region_init(s->heap, OBJECT(s), \"a\", 0x10);\n"
          + "} else {\n"
          + "  s->heap = g_new0(MemoryRegion, 1);\n"
          + "  memory_region_init(s->heap, OBJECT(s), \"b\", 0x10);\n"
          + "}\n";

  @Test
  void aHeapObjectEachBranchAllocatedIntoTheSameFieldIsOneObjectAfterTheJoin() {
    RegionState joined =
        FlowHarness.run(Semantics.CURRENT, Role.REALIZE, ALLOCATED_ON_EITHER_BRANCH).exit();
    assertThat(joined.facts(Fact.Owned.class))
        .as("both inits are about the object s->heap points to")
        .extracting(Fact.Owned::region)
        .containsOnly(joined.alias("self.heap"));
    RegionState unparented =
        FlowHarness.run(
                Semantics.CURRENT,
                Role.REALIZE,
                ALLOCATED_ON_EITHER_BRANCH + "object_unparent(OBJECT(s->heap));")
            .exit();
    assertThat(unparented.facts(Fact.Owned.class))
        .as("an unparent through the field reaches what either branch made")
        .isEmpty();
  }

  @Test
  void twoHeapObjectsAPathHoldsAtOnceStayApart() {
    RegionState joined =
        FlowHarness.run(
                Semantics.CURRENT,
                Role.REALIZE,
                "MemoryRegion *kept = g_new0(MemoryRegion, 1);\n"
                    + "memory_region_init(kept, OBJECT(s), \"k\", 0x10);\n"
                    + "if (s->x) {\n"
                    + "  s->heap = kept;\n"
                    + "} else {\n"
                    + "  s->heap = g_new0(MemoryRegion, 1);\n"
                    + "  memory_region_init(s->heap, OBJECT(s), \"b\", 0x10);\n"
                    + "}\n")
            .exit();
    assertThat(joined.facts(Fact.Owned.class).stream().map(Fact.Owned::region).distinct())
        .as("the else branch holds both objects: they are not one")
        .hasSize(2);
  }
}
