package dev.mrcheck.confirm;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.rules.Witness;
import dev.mrcheck.rules.WitnessStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built witnesses, spelled like the rules build them (canonical ids, shown spellings, phases).
 */
public final class Witnesses {
  public static final String FILE = "hw/misc/dev.c";
  private final List<WitnessStep> steps = new ArrayList<>();
  private int line = 10;

  private SourceLoc at() {
    return SourceLoc.of(FILE, line++, 5);
  }

  public Witnesses init(Role phase, String id, Fact.Owner owner, RegionKind kind) {
    steps.add(
        new WitnessStep(
            phase,
            WitnessStep.Kind.INIT,
            id,
            shown(id),
            null,
            owner == Fact.Owner.NONE ? "NULL" : "s",
            owner,
            kind,
            at()));
    return this;
  }

  public Witnesses step(Role phase, WitnessStep.Kind kind, String subject, String other) {
    steps.add(
        new WitnessStep(
            phase, kind, subject, shown(subject), other, shown(other), null, null, at()));
    return this;
  }

  public Finding finding(String rule, boolean hotpluggable, Witness.Expectation expected) {
    SourceLoc loc = steps.get(steps.size() - 1).loc();
    return new Finding(rule, Severity.ERROR, loc, "test finding", List.of(), "fp-" + rule)
        .withWitness(new Witness("TYPE_DEV", hotpluggable, steps, expected));
  }

  /** {@code self.mmio} is spelled {@code s->mmio}, {@code global:pci_io} {@code pci_io}. */
  static String shown(String id) {
    if (id == null) return null;
    if (id.startsWith("global:")) return id.substring("global:".length());
    return id.startsWith("self.") ? "s->" + id.substring(5).replace(".", "->") : id;
  }
}
