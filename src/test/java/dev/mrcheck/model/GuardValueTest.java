package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuardValueTest {
  @Test
  void literalsAGuardCanReadAndTheirTruth() {
    assertThat(GuardValue.ofLiteral("true").truth()).isTrue();
    assertThat(GuardValue.ofLiteral("0x0").truth()).isFalse();
    assertThat(GuardValue.ofLiteral("0UL").truth()).isFalse();
    assertThat(GuardValue.ofLiteral("-1").truth()).isTrue();
    assertThat(GuardValue.ofLiteral("010").constant()).isEqualTo(8);
    assertThat(GuardValue.ofLiteral("\"name\"")).isNull();
    assertThat(GuardValue.ofLiteral("1.5")).isNull();
    assertThat(GuardValue.of("KIND_A").truth()).isNull();
  }

  @Test
  void aWrittenValueContradictsOnlyATestItSurelyFails() {
    assertThat(GuardValue.NON_NULL.contradicts(GuardValue.NULL)).isTrue();
    assertThat(GuardValue.of("2").contradicts(GuardValue.of("3"))).isTrue();
    assertThat(GuardValue.of("2").contradicts(GuardValue.NONZERO)).isFalse();
    // The same integer spelled two ways is one value.
    assertThat(GuardValue.of("0x0").contradicts(GuardValue.ZERO)).isFalse();
    assertThat(GuardValue.of("KIND_A").contradicts(GuardValue.of("KIND_B"))).isFalse();
  }

  @Test
  void sameTruthIsSureAndUnknownsDiffer() {
    assertThat(GuardValue.of("1").sameTruth(GuardValue.TRUE)).isTrue();
    assertThat(GuardValue.of("?").sameTruth(GuardValue.TRUE)).isFalse();
    assertThat(GuardValue.NULL.sameTruth(GuardValue.ZERO)).isTrue();
  }

  @Test
  void aTestsOutcomeIsSpelledAsTheValuesTested() {
    assertThat(GuardValue.NON_NULL.outcome(false)).isEqualTo(GuardValue.NULL);
    assertThat(GuardValue.FALSE.outcome(true)).isEqualTo(GuardValue.TRUE);
    assertThat(GuardValue.NONZERO.outcome(false)).isEqualTo(GuardValue.ZERO);
    assertThat(GuardValue.of("3").outcome(true)).isEqualTo(GuardValue.NONZERO);
  }
}
