package dev.mrcheck.selftest;

import static dev.mrcheck.selftest.DeviceProgram.init;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.runtime.TraceEntry;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.selftest.CallbackSequences.Callback;
import dev.mrcheck.selftest.DeviceProgram.ApiCall;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import dev.mrcheck.selftest.ModelState.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The self-test's factory-made object and its second run-time callback: what the generator makes,
 * how it renders to C, and that the model and the analysis read it alike.
 */
class FactoryObjectAndCallbacksTest {
  private static final ModelOracle ORACLE = new ModelOracle(RuleOracles.TABLE);
  private static final Set<String> RULES = Set.of("MR002", "MR004", "MR005", "MR006", "MR010");

  private static DeviceProgram device(Map<Role, List<Stmt>> hooks) {
    return DeviceProgram.device(true, List.of(new RegionField("r0", Shape.EMBEDDED)), 0)
        .hooks(hooks)
        .build();
  }

  /** A mapping made at realize, dropped at unrealize, that unparents its region when finalized. */
  private static PlainObject mapping(ApiCall unparent, ApiCall free) {
    return new PlainObject(
        true,
        false,
        Role.REALIZE,
        Role.UNREALIZE,
        PlainObject.init(RegionKind.IO),
        List.of(unparent, free));
  }

  @Test
  void factoryObjectIsFinalizedAtTheDevicesLastUnrefAndItsUnparentIsMR004() throws Exception {
    ApiCall unparent = PlainObject.unparent();
    ApiCall free = PlainObject.free();
    DeviceProgram p = device(Map.of()).withFactory(mapping(unparent, free));
    RenderedSource src = new CRenderer().render(p);
    assertThat(src.text())
        .contains("object_new(TYPE_SELFTEST_MAPPING)")
        .contains(".parent        = TYPE_OBJECT,")
        .contains("s->map = selftest_mapping_new();")
        .contains("object_unref(OBJECT(s->map));")
        .contains("type_register_static(&selftest_mapping_info);");
    int line = src.lineOf(unparent);
    assertThat(src.text().lines().skip(line - 1).findFirst().orElseThrow())
        .contains("object_unparent(OBJECT(map->mr));");

    ModelOracle.Result model = ORACLE.run(p, src, Semantics.CURRENT);
    assertThat(model.violations()).containsExactly(new Violation("MR004", line));
    // In the unplug scenario QOM drops the mapping's region before its instance_finalize runs,
    // at the device's object_unref in unrealize.
    List<String> unplug = messages(model, Scenario.LIFETIME);
    int unref = indexOf(unplug, "the mapping's last reference");
    int regionGone = indexOf(unplug, "map->mr finalized");
    int finalize = indexOf(unplug, "selftest_mapping_instance_finalize");
    int unrealize = indexOf(unplug, "== unrealize ==");
    assertThat(unrealize).isLessThan(unref);
    assertThat(unref).isLessThan(regionGone);
    assertThat(regionGone).isLessThan(finalize);

    try (AnalyzerRunner analyzer = new AnalyzerRunner()) {
      ScanResult scan = analyzer.session(List.of(src)).scan(Semantics.CURRENT);
      assertThat(AnalyzerRunner.violations(scan, RULES)).isEqualTo(model.violations());
    }
  }

  @Test
  void aLeakedFactoryObjectIsStillReadOnItsOwn() {
    ApiCall unparent = PlainObject.unparent();
    PlainObject leaked =
        new PlainObject(
            false,
            true,
            Role.REALIZE,
            null,
            PlainObject.init(RegionKind.CONTAINER),
            List.of(unparent));
    DeviceProgram p = device(Map.of()).withFactory(leaked);
    RenderedSource src = new CRenderer().render(p);
    assertThat(src.text()).doesNotContain("object_unref(OBJECT(s->map));");
    ModelOracle.Result model = ORACLE.run(p, src, Semantics.CURRENT);
    assertThat(model.violations()).containsExactly(new Violation("MR004", src.lineOf(unparent)));
    assertThat(model.witnesses().get(new Violation("MR004", src.lineOf(unparent))).run().scenario())
        .isEqualTo(Scenario.FACTORY_OBJECT);
  }

  @Test
  void twoCallbacksRunInEveryOrderUpToTheAnalysisBound() throws Exception {
    ApiCall lost = DeviceProgram.find(1);
    DeviceProgram p =
        device(Map.of(Role.REALIZE, List.of(init(0, RegionKind.IO, Slot.Fixed.SELF, -1))))
            .withRuntime(List.of(lost))
            .withReads(List.of(DeviceProgram.find(0), DeviceProgram.unrefFound(0)));
    List<ModelOracle.Run> runs = ModelOracle.runs(p);
    // 1, 2 and 3 invocations then unplug (2 + 4 + 8), 4 with the device living on (16).
    assertThat(runs.stream().filter(r -> r.scenario() == Scenario.LIFETIME && r.invocations() > 0))
        .hasSize(14);
    assertThat(runs.stream().filter(r -> r.scenario() == Scenario.RUNTIME)).hasSize(16);
    RenderedSource src = new CRenderer().render(p);
    assertThat(src.text()).contains("static uint64_t selftest_read");
    ModelOracle.Result model = ORACLE.run(p, src, Semantics.CURRENT);
    // The write handler's section is lost at its return; the read handler gives its own back.
    assertThat(model.violations()).containsExactly(new Violation("MR006", src.lineOf(lost)));
    List<String> readThenWrite =
        model.firstPaths().stream()
            .filter(
                w ->
                    w.run()
                        .equals(
                            new ModelOracle.Run(
                                Scenario.LIFETIME, List.of(Callback.READ, Callback.WRITE))))
            .findFirst()
            .orElseThrow()
            .trace()
            .stream()
            .map(TraceEntry::message)
            .toList();
    assertThat(indexOf(readThenWrite, "MMIO read handler, invocation 1"))
        .isLessThan(indexOf(readThenWrite, "MMIO write handler, invocation 2"));
    try (AnalyzerRunner analyzer = new AnalyzerRunner()) {
      ScanResult scan = analyzer.session(List.of(src)).scan(Semantics.CURRENT);
      assertThat(AnalyzerRunner.violations(scan, RULES)).isEqualTo(model.violations());
    }
  }

  @Test
  void generatorMakesFactoryObjectsAndSecondCallbacksThatRunInEveryOrder() {
    ProgramGenerator g = new ProgramGenerator(ProgramGenerator.Limits.DEFAULT.straightLine());
    Random random = new Random(3);
    int factories = 0;
    int twoCallbacks = 0;
    for (int i = 0; i < 600; i++) {
      DeviceProgram p = g.generate(Choices.of(random));
      if (p.factory() != null) factories++;
      if (CallbackSequences.callbacks(p).size() == 2) twoCallbacks++;
      // The Java renderings drop what they cannot say.
      assertThat(p.withoutCOnlyParts().factory()).isNull();
      assertThat(p.withoutCOnlyParts().reads()).isEmpty();
    }
    assertThat(factories).isBetween(120, 300);
    assertThat(twoCallbacks).isBetween(25, 120);
  }

  private static List<String> messages(ModelOracle.Result r, Scenario scenario) {
    return r.firstPaths().stream()
        .filter(w -> w.run().scenario() == scenario && w.run().invocations() == 0)
        .findFirst()
        .orElseThrow()
        .trace()
        .stream()
        .map(TraceEntry::message)
        .toList();
  }

  private static int indexOf(List<String> messages, String part) {
    for (int i = 0; i < messages.size(); i++) if (messages.get(i).contains(part)) return i;
    throw new AssertionError("no '" + part + "' in " + messages);
  }
}
