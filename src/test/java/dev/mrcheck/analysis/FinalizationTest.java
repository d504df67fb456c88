package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Role;
import java.util.List;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class FinalizationTest {
  private static Fact.DestroyPending pending(String space, String root, List<String> ownHeld) {
    return new Fact.DestroyPending(
        space,
        space,
        root,
        root,
        Role.INSTANCE_INIT,
        null,
        Role.UNREALIZE,
        null,
        Set.of(),
        Fact.Owner.SELF,
        ownHeld);
  }

  @Test
  void freeingARootKeepsTheDestroysInTheOrderRcuRunsThem() {
    RegionState s = new RegionState();
    s.add(pending("self.dma_as", "self.dma_root", List.of("self.dma_root")));
    s.add(pending("self.msi_as", "self.msi_root", List.of()));

    Finalization.forgetFreedHeld(s, "self.dma_root");

    assertThat(s.facts(Fact.DestroyPending.class))
        .extracting(Fact.DestroyPending::region, Fact.DestroyPending::ownHeld)
        .containsExactly(
            Tuple.tuple("self.dma_as", List.of()), Tuple.tuple("self.msi_as", List.of()));
  }
}
