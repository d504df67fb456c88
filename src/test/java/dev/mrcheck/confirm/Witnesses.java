package dev.mrcheck.confirm;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.model.GuardValue;
import dev.mrcheck.model.Operation;
import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.rules.Severity;
import dev.mrcheck.rules.Witness;
import dev.mrcheck.rules.WitnessGuard;
import dev.mrcheck.rules.WitnessStep;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-built witnesses, spelled like the rules build them (canonical ids, shown spellings, phases).
 */
public final class Witnesses {
  public static final String FILE = "hw/misc/dev.c";
  private final List<WitnessStep> steps = new ArrayList<>();
  private final List<WitnessGuard> guards = new ArrayList<>();
  private int line = 10;

  private SourceLoc at() {
    return SourceLoc.of(FILE, line++, 5);
  }

  public Witnesses init(Role phase, String id, Fact.Owner owner, RegionKind kind) {
    Place ownerShown = new Place(Place.UNKNOWN.id(), owner == Fact.Owner.NONE ? "NULL" : "s");
    steps.add(
        new WitnessStep(
            phase, new Operation.Init<>(place(id), ownerShown, kind, null), owner, at()));
    return this;
  }

  public Witnesses step(Role phase, Operation<Place> operation) {
    steps.add(new WitnessStep(phase, operation, at()));
    return this;
  }

  public static Operation<Place> map(String region, String container) {
    return new Operation.Map<>(place(region), place(container), null);
  }

  public static Operation<Place> unmap(String region, String container) {
    return new Operation.Unmap<>(place(region), place(container));
  }

  public static Operation<Place> ref(String region) {
    return new Operation.Ref<>(place(region), false);
  }

  public static Operation<Place> unparent(String region) {
    return new Operation.Unparent<>(place(region));
  }

  /** g_free of storage that may hold regions. */
  public static Operation<Place> free(String storage) {
    return new Operation.Free<>(place(storage), false, false);
  }

  public static Operation<Place> asInit(String space, String root) {
    return new Operation.AddressSpaceInit<>(place(space), place(root));
  }

  /** The place {@code id} names, spelled as {@link #shown} says; null for null. */
  static Place place(String id) {
    return id == null ? null : new Place(id, shown(id));
  }

  /** The path writes {@code value} to {@code field} in {@code phase}. */
  /** A guard as the rules' {@code PathGuards} makes it, with its own key. */
  public Witnesses guard(WitnessGuard g) {
    guards.add(g);
    return this;
  }

  public Witnesses writes(Role phase, String field, String value) {
    guards.add(WitnessGuard.writes(phase, field, GuardValue.of(value), at()));
    return this;
  }

  /** The path assumes {@code field} holds {@code value} in {@code phase}. */
  public Witnesses assumes(Role phase, String field, String value) {
    guards.add(WitnessGuard.assumes(phase, field, GuardValue.of(value), at()));
    return this;
  }

  public Finding finding(String rule, boolean hotpluggable, Witness.Expectation expected) {
    SourceLoc loc = steps.get(steps.size() - 1).loc();
    return new Finding(rule, Severity.ERROR, loc, "test finding", List.of(), "fp-" + rule)
        .withWitness(new Witness("TYPE_DEV", hotpluggable, steps, expected, guards));
  }

  /** {@code self.mmio} is spelled {@code s->mmio}, {@code global:pci_io} {@code pci_io}. */
  static String shown(String id) {
    if (id == null) return null;
    if (id.startsWith("global:")) return id.substring("global:".length());
    return id.startsWith("self.") ? "s->" + id.substring(5).replace(".", "->") : id;
  }
}
