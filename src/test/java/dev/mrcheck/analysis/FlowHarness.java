package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.model.Role;
import dev.mrcheck.model.Semantics;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the region flow over one C function {@code f(DevState *s, Error **errp)} of a small program,
 * as a replay root of {@code phase} with {@code s} the device: what the transfer of its statements
 * leaves in the state, and what it observed on the way.
 */
final class FlowHarness {
  private FlowHarness() {}

  record Run(RegionState exit, List<Observation> observed) {
    <T extends Fact> List<T> facts(Class<T> kind, String region) {
      return exit.facts(kind, region);
    }

    <T extends Fact> List<T> facts(Class<T> kind) {
      return exit.facts(kind);
    }
  }

  static Run run(Semantics semantics, Role phase, String body) {
    return run(semantics, phase, body, new RegionState());
  }

  static Run run(Semantics semantics, Role phase, String body, RegionState entry) {
    return run(semantics, phase, "", body, entry);
  }

  /** {@code helpers}: functions defined before {@code f}, which its body may call. */
  static Run run(Semantics semantics, Role phase, String helpers, String body, RegionState entry) {
    String source =
        "typedef struct DevState { DeviceState parent_obj; MemoryRegion c; MemoryRegion mmio; MemoryRegion alias; "
            + "MemoryRegion *heap; AddressSpace as; } DevState;\n"
            + helpers
            + "static void f(DevState *s, Error **errp)\n{\n"
            + body
            + "\n}\n";
    Program program = AnalysisFixture.program("dev.c", source);
    List<Observation> observed = new ArrayList<>();
    RegionFlow flow =
        new RegionFlow(
            program,
            new CallGraph(program, AnalysisFixture.MODEL),
            AnalysisFixture.MODEL,
            semantics,
            observed::add);
    Function f = program.resolve("f", "dev.c");
    flow.startRoot();
    RegionFlow.Exit exit =
        flow.run(
            f,
            List.of(new Place(Place.SELF, "s"), Place.ERROR),
            entry,
            new RegionFlow.Context(phase, null, List.of(), List.of(f.key())));
    return new Run(exit.state(), observed);
  }
}
