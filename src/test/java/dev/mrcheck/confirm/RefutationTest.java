package dev.mrcheck.confirm;

import static dev.mrcheck.analysis.Fact.Owner.SELF;
import static dev.mrcheck.confirm.Witnesses.map;
import static dev.mrcheck.confirm.Witnesses.unparent;
import static dev.mrcheck.model.Role.REALIZE;
import static dev.mrcheck.model.Role.UNREALIZE;
import static dev.mrcheck.rules.Witness.Expectation.FINALIZED_WHILE_MAPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.GuardValue;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.WitnessGuard;
import dev.mrcheck.runtime.FieldStore;
import org.junit.jupiter.api.Test;

/** The model refutes a witness whose path relies on a condition its own writes contradict. */
class RefutationTest {
  private final Confirmer confirmer = new Confirmer();

  /**
   * MR002: realize maps s->io and sets s->mapped; unrealize unparents it while mapped, on the path
   * where {@code if (s->mapped)} (which would delete it first) was not taken.
   */
  private static Witnesses mappedThenUnparented() {
    return new Witnesses()
        .init(REALIZE, "self.io", SELF, RegionKind.IO)
        .step(REALIZE, map("self.io", "global:pci_io"))
        .writes(REALIZE, "s->mapped", "true")
        .step(UNREALIZE, unparent("self.io"));
  }

  @Test
  void aGuardContradictingTheValueThePathSetRefutesTheWitness() {
    Finding f =
        mappedThenUnparented()
            .assumes(UNREALIZE, "s->mapped", "false")
            .finding("MR002", true, FINALIZED_WHILE_MAPPED);
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.confirmed()).isFalse();
    assertThat(c.refuted()).isTrue();
    assertThat(c.dropped()).isTrue();
    assertThat(c.verdict())
        .startsWith("refuted by the current model: unrealize assumes s->mapped is false")
        .contains("s->mapped was set to true earlier on the same path");
  }

  @Test
  void aGuardTheWrittenValueSatisfiesKeepsTheWitnessConfirmed() {
    Finding f =
        mappedThenUnparented()
            .assumes(UNREALIZE, "s->mapped", "true")
            .finding("MR002", true, FINALIZED_WHILE_MAPPED);
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.refuted()).isFalse();
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
  }

  @Test
  void aGuardOnAFieldThePathNeverSetIsAssumedSatisfiable() {
    Finding f =
        mappedThenUnparented()
            .assumes(UNREALIZE, "s->other", "false")
            .assumes(UNREALIZE, "s->buf", "NULL")
            .finding("MR002", true, FINALIZED_WHILE_MAPPED);
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.refuted()).isFalse();
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
  }

  @Test
  void guardsAreCheckedInLifecycleOrderNotInRecordingOrder() {
    // Recorded unrealize-first; realize's write still precedes unrealize's test.
    Finding f =
        new Witnesses()
            .assumes(UNREALIZE, "s->mapped", "false")
            .init(REALIZE, "self.io", SELF, RegionKind.IO)
            .step(REALIZE, map("self.io", "global:pci_io"))
            .writes(REALIZE, "s->mapped", "true")
            .step(UNREALIZE, unparent("self.io"))
            .finding("MR002", true, FINALIZED_WHILE_MAPPED);
    assertThat(confirmer.confirm(f, Semantics.CURRENT).refuted()).isTrue();
  }

  @Test
  void aLaterWriteOverridesAnEarlierOne() {
    Finding f =
        mappedThenUnparented()
            .writes(UNREALIZE, "s->mapped", "false")
            .assumes(UNREALIZE, "s->mapped", "false")
            .finding("MR002", true, FINALIZED_WHILE_MAPPED);
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.refuted()).isFalse();
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
  }

  @Test
  void theStoreComparesTruthNullnessAndConstants() {
    FieldStore store = new FieldStore();
    store.write("s->buf", GuardValue.of("non-NULL"));
    store.write("s->n", GuardValue.of("0"));
    store.write("s->mode", GuardValue.of("2"));
    store.write("s->kind", GuardValue.of("KIND_A"));
    assertThat(store.contradiction("s->buf", GuardValue.of("NULL"))).isPresent();
    assertThat(store.contradiction("s->buf", GuardValue.of("true"))).isEmpty();
    assertThat(store.contradiction("s->n", GuardValue.of("nonzero"))).isPresent();
    assertThat(store.contradiction("s->n", GuardValue.of("false"))).isEmpty();
    assertThat(store.contradiction("s->mode", GuardValue.of("3"))).isPresent();
    assertThat(store.contradiction("s->mode", GuardValue.of("true"))).isEmpty();
    assertThat(store.contradiction("s->mode", GuardValue.of("false"))).isPresent();
    // An enumerator's truth is unknown to the model: neither holds nor refutes for sure.
    assertThat(store.contradiction("s->kind", GuardValue.of("KIND_B"))).isEmpty();
    assertThat(store.contradiction("s->never", GuardValue.of("true"))).isEmpty();
  }

  @Test
  void aModelCallsResultStoredInAFieldIsNotNullOnThePathThatUsedIt() {
    // realize stores the mapping's buffer; exit skips the unmap where the buffer is NULL.
    Finding f =
        mappedThenUnparented()
            .guard(
                new WitnessGuard(
                    REALIZE,
                    WitnessGuard.Kind.WRITES,
                    "s->buf",
                    GuardValue.NON_NULL,
                    null,
                    "DevState::buf"))
            .guard(
                new WitnessGuard(
                    UNREALIZE,
                    WitnessGuard.Kind.ASSUMES,
                    "d->buf",
                    GuardValue.NULL,
                    null,
                    "DevState::buf"))
            .finding("MR002", true, FINALIZED_WHILE_MAPPED);
    Confirmation c = confirmer.confirm(f, Semantics.CURRENT);
    assertThat(c.refuted()).isTrue();
    // The same field through another variable: matched by key, shown as the write spelled it.
    assertThat(c.verdict())
        .contains("unrealize assumes d->buf is NULL")
        .contains("s->buf was set to non-NULL earlier on the same path");
  }

  @Test
  void aCounterCountedUpIsNotZero() {
    FieldStore store = new FieldStore();
    store.write("DevState::pins", "s->pins", GuardValue.of("nonzero"));
    assertThat(store.contradiction("DevState::pins", GuardValue.of("0"))).isPresent();
    assertThat(store.contradiction("DevState::pins", GuardValue.of("nonzero"))).isEmpty();
    assertThat(store.contradiction("DevState::pins", GuardValue.of("2"))).isEmpty();
  }
}
