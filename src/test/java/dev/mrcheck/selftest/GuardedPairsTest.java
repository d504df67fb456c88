package dev.mrcheck.selftest;

import static dev.mrcheck.selftest.DeviceProgram.addSubregion;
import static dev.mrcheck.selftest.DeviceProgram.delSubregion;
import static dev.mrcheck.selftest.DeviceProgram.init;
import static dev.mrcheck.selftest.DeviceProgram.unparent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.scan.ScanException;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import dev.mrcheck.selftest.StateFieldWrite.Write;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Guards over the device's state in the self-test (#18 item 3): the model evaluates them from the
 * values the program wrote, explores an input both ways, and agrees with the analysis on the right
 * pairs and on the wrong ones.
 */
class GuardedPairsTest {
  private static final ModelOracle ORACLE = new ModelOracle(RuleOracles.TABLE);
  private static final AnalyzerRunner ANALYZER = new AnalyzerRunner();
  private static final SelfCheck CHECK =
      new SelfCheck(ANALYZER, List.of(Semantics.values()), List.of("c"));
  private static final List<RegionField> ONE_REGION =
      List.of(new RegionField("g0", Shape.EMBEDDED));

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  private static ApiCall refBackend() {
    return new ApiCall(new Operation.Ref<>(Slot.Fixed.BACKEND, false));
  }

  private static ApiCall unrefBackend() {
    return new ApiCall(new Operation.Unref<>(Slot.Fixed.BACKEND));
  }

  private static StateFieldWrite write(StateField f, Write w) {
    return new StateFieldWrite(f, w);
  }

  private static DeviceProgram pci(List<Stmt> realize, List<Stmt> exit, List<Stmt> handler) {
    return DeviceProgram.device(true, ONE_REGION, 0)
        .hooks(Map.of(Role.REALIZE, realize, Role.UNREALIZE, exit))
        .runtime(handler)
        .build();
  }

  private static ModelOracle.Result model(DeviceProgram p, Semantics s) {
    return ORACLE.run(p, new CRenderer().render(p), s);
  }

  /** The model's verdict under current semantics, and the analysis agrees under every semantics. */
  private static ModelOracle.Result agreed(DeviceProgram p) throws ScanException {
    SelfCheck.Report r = CHECK.check(p);
    assertThat(r.disagrees()).as(r.describe()).isFalse();
    assertThat(r.comparisons()).allMatch(SelfCheck.Comparison::exact);
    return model(p, Semantics.CURRENT);
  }

  @Test
  void refUnderPropertyReleasedUnderTheFlagItSetIsSilent() throws ScanException {
    DeviceProgram p =
        pci(
            List.of(
                new Guard(
                    GuardedPairs.PROPERTY,
                    List.of(refBackend(), write(GuardedPairs.PINNED, Write.SET)))),
            List.of(
                new Guard(
                    GuardedPairs.PINNED,
                    List.of(unrefBackend(), write(GuardedPairs.PINNED, Write.CLEAR)))),
            List.of());
    ModelOracle.Result r = agreed(p);
    assertThat(r.violations()).isEmpty();
    assertThat(p.branching()).isFalse();
    // The property is explored both ways: more paths than the unguarded lifecycle's.
    assertThat(r.paths()).isGreaterThan(ModelOracle.runs(p).size());
  }

  @Test
  void flagNeverSetOrClearedBeforeTheTestLeaksTheReference() throws ScanException {
    ApiCall ref = refBackend();
    DeviceProgram neverSet =
        pci(
            List.of(new Guard(GuardedPairs.PROPERTY, List.of(ref))),
            List.of(new Guard(GuardedPairs.PINNED, List.of(unrefBackend()))),
            List.of());
    assertThat(agreed(neverSet).violations())
        .containsExactly(new Violation("MR006", new CRenderer().render(neverSet).lineOf(ref)));

    ApiCall ref2 = refBackend();
    DeviceProgram cleared =
        pci(
            List.of(
                new Guard(
                    GuardedPairs.PROPERTY, List.of(ref2, write(GuardedPairs.PINNED, Write.SET)))),
            List.of(
                write(GuardedPairs.PINNED, Write.CLEAR),
                new Guard(GuardedPairs.PINNED, List.of(unrefBackend()))),
            List.of());
    assertThat(agreed(cleared).violations())
        .containsExactly(new Violation("MR006", new CRenderer().render(cleared).lineOf(ref2)));
  }

  @Test
  void sameNullTestOnBothSidesIsSilentAnotherFlagIsNot() throws ScanException {
    DeviceProgram same =
        pci(
            List.of(new Guard(StateField.BACKEND, List.of(refBackend()))),
            List.of(new Guard(StateField.BACKEND, List.of(unrefBackend()))),
            List.of());
    assertThat(agreed(same).violations()).isEmpty();

    ApiCall ref = refBackend();
    DeviceProgram other =
        pci(
            List.of(
                new Guard(StateField.BACKEND, List.of(ref, write(GuardedPairs.PINNED, Write.SET)))),
            List.of(new Guard(GuardedPairs.OTHER_FLAG, List.of(unrefBackend()))),
            List.of());
    assertThat(agreed(other).violations())
        .containsExactly(new Violation("MR006", new CRenderer().render(other).lineOf(ref)));
  }

  @Test
  void counterUpWithTheRefReleasedWhileCountedIsSilent() throws ScanException {
    DeviceProgram p =
        pci(
            List.of(
                new Guard(
                    StateField.BACKEND,
                    List.of(refBackend(), write(GuardedPairs.COUNTER, Write.INCREMENT)))),
            List.of(
                new Guard(
                    GuardedPairs.COUNTER,
                    List.of(unrefBackend(), write(GuardedPairs.COUNTER, Write.DECREMENT)))),
            List.of());
    assertThat(agreed(p).violations()).isEmpty();
  }

  @Test
  void mappingUnderPropertyLeftWhenExitTestsAnotherFlag() throws ScanException {
    ApiCall add = addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0);
    List<Stmt> realize =
        List.of(
            init(0, RegionKind.IO, Slot.Fixed.SELF, -1),
            new Guard(GuardedPairs.PROPERTY, List.of(add, write(GuardedPairs.MAPPED, Write.SET))));
    DeviceProgram wrong =
        pci(
            realize,
            List.of(
                new Guard(
                    GuardedPairs.OTHER_FLAG, List.of(delSubregion(Slot.Fixed.SYSTEM_MEMORY, 0)))),
            List.of());
    assertThat(agreed(wrong).violations())
        .containsExactly(new Violation("MR005", new CRenderer().render(wrong).lineOf(add)));
  }

  @Test
  void handlerThatUnparentsUnderTheFlagWhatAnEarlierRunMappedIsMR002() throws ScanException {
    ApiCall drop = unparent(0);
    DeviceProgram p = toggle(List.of(drop, write(GuardedPairs.MAPPED, Write.CLEAR)));
    int line = new CRenderer().render(p).lineOf(drop);
    assertThat(agreed(p).violations()).contains(new Violation("MR002", line));

    DeviceProgram deletes =
        toggle(
            List.of(
                delSubregion(Slot.Fixed.SYSTEM_MEMORY, 0),
                unparent(0),
                write(GuardedPairs.MAPPED, Write.CLEAR)));
    assertThat(agreed(deletes).violations()).isEmpty();
  }

  private static DeviceProgram toggle(List<Stmt> drop) {
    Guard handler =
        new Guard(
            GuardedPairs.MAPPED,
            true,
            List.of(
                init(0, RegionKind.CONTAINER, Slot.Fixed.SELF, -1),
                addSubregion(Slot.Fixed.SYSTEM_MEMORY, 0),
                write(GuardedPairs.MAPPED, Write.SET)),
            drop);
    return pci(
        List.of(),
        List.of(
            new Guard(
                GuardedPairs.MAPPED,
                List.of(
                    delSubregion(Slot.Fixed.SYSTEM_MEMORY, 0),
                    unparent(0),
                    write(GuardedPairs.MAPPED, Write.CLEAR)))),
        List.of(handler));
  }

  @Test
  void renderedAsCWithTheFieldsDeclaredAndNotInJava() {
    DeviceProgram p =
        pci(
            List.of(
                new Guard(
                    StateField.BACKEND,
                    List.of(refBackend(), write(GuardedPairs.COUNTER, Write.INCREMENT)))),
            List.of(),
            List.of());
    String c = new CRenderer().render(p).text();
    assertThat(c)
        .contains("    MemoryRegion *backend;", "    unsigned maps;")
        .contains("    if (s->backend) {", "        memory_region_ref(s->backend);")
        .contains("        s->maps++;");
    assertThat(new JavaFacadeRenderer().renders(p)).isFalse();
    assertThat(new JavaFfmRenderer().renders(p)).isFalse();
  }

  @Test
  void generatorGivesAShareOfProgramsAPairAndKeepsTheirRegionApart() {
    ProgramGenerator g = new ProgramGenerator(ProgramGenerator.Limits.DEFAULT.straightLine());
    Random random = new Random(5);
    int guarded = 0;
    int programs = 400;
    for (int i = 0; i < programs; i++) {
      DeviceProgram p = g.generate(Choices.of(random));
      if (!p.guarded()) continue;
      guarded++;
      assertThat(p.branching()).isFalse();
      // Every guard is rendered on a line of its own.
      RenderedSource src = new CRenderer().render(p);
      for (Stmt s : p.statements()) assertThat(src.lineOf(s)).isPositive();
    }
    assertThat(guarded).isBetween(programs * (GuardedPairs.SHARE - 10) / 100, programs / 2);
  }
}
