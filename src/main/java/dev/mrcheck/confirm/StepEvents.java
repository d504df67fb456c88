package dev.mrcheck.confirm;

import dev.mrcheck.analysis.Fact;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.model.Operation;
import dev.mrcheck.rules.WitnessStep;
import dev.mrcheck.runtime.MemoryEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One witness step as the runtime events that replay it, described as the trace shows them
 * ("realize adds s->mmio to pci_io"), with its operands renamed from the analysis' places to replay
 * names. Also collects the regions the step uses without creating them ({@link #used}), which the
 * replay must declare. What only the API model says of a call has no witness step.
 */
final class StepEvents implements Operation.Visitor<Place, List<MemoryEvent>> {
  private final WitnessReplay replay;
  private final WitnessStep step;
  private final String who;
  private final List<Place> used = new ArrayList<>();

  StepEvents(WitnessReplay replay, WitnessStep step) {
    this.replay = replay;
    this.step = step;
    this.who = WitnessReplay.phaseLabel(step.phase());
  }

  /** The regions the step acts on besides those it creates, in the order it names them. */
  List<Place> used() {
    return used;
  }

  private String name(Place p) {
    return p == null ? null : replay.names().of(p.id());
  }

  private List<MemoryEvent> event(String description, Operation<String> operation) {
    return List.of(new MemoryEvent(step.loc(), description, operation));
  }

  private void uses(Place... places) {
    for (Place p : places) if (p != null) used.add(p);
  }

  @Override
  public List<MemoryEvent> visitInit(Operation.Init<Place> o) {
    if (step.owner() == Fact.Owner.OTHER) return List.of(); // declared as a foreign region
    String region = name(o.region());
    boolean machine = step.owner() == Fact.Owner.NONE;
    return event(
        who
            + " initializes "
            + region
            + " ("
            + WitnessReplay.kindName(o.kind())
            + ", owner "
            + (machine ? "NULL" : replay.device())
            + ")",
        new Operation.Init<>(
            region, machine ? null : replay.device(), WitnessReplay.kind(o.kind()), null));
  }

  @Override
  public List<MemoryEvent> visitInitMisowned(Operation.InitMisowned<Place> o) {
    String region = name(o.region());
    String owner = o.owner() == null ? null : o.owner().shown();
    return event(
        who
            + " initializes "
            + region
            + " ("
            + WitnessReplay.kindName(o.kind())
            + ", owner "
            + owner
            + ")",
        new Operation.InitMisowned<>(region, owner, WitnessReplay.kind(o.kind()), o.misuse()));
  }

  @Override
  public List<MemoryEvent> visitMap(Operation.Map<Place> o) {
    uses(o.region(), o.container());
    String region = name(o.region());
    String container = name(o.container());
    return event(
        who + " adds " + region + " to " + container, new Operation.Map<>(region, container, null));
  }

  @Override
  public List<MemoryEvent> visitUnmap(Operation.Unmap<Place> o) {
    uses(o.region(), o.container());
    if (o.container() == null) return List.of();
    String region = name(o.region());
    String container = name(o.container());
    return event(
        who + " deletes " + region + " from " + container,
        new Operation.Unmap<>(region, container));
  }

  @Override
  public List<MemoryEvent> visitRef(Operation.Ref<Place> o) {
    uses(o.target());
    String target = name(o.target());
    return event(
        who + " takes memory_region_ref(" + target + ")", new Operation.Ref<>(target, false));
  }

  @Override
  public List<MemoryEvent> visitUnref(Operation.Unref<Place> o) {
    uses(o.target());
    String target = name(o.target());
    return event(who + " drops memory_region_unref(" + target + ")", new Operation.Unref<>(target));
  }

  @Override
  public List<MemoryEvent> visitUnparent(Operation.Unparent<Place> o) {
    uses(o.target());
    String target = name(o.target());
    return event(who + " unparents " + target, new Operation.Unparent<>(target));
  }

  /**
   * g_free of an address space frees it; g_free of a heap struct frees every region the witness
   * created inside it.
   */
  @Override
  public List<MemoryEvent> visitFree(Operation.Free<Place> o) {
    String target = name(o.target());
    if (o.addressSpace()) {
      return event(
          who + " frees address space " + target + " with " + (o.rcu() ? "g_free_rcu" : "g_free"),
          new Operation.Free<>(target, o.rcu(), true));
    }
    List<MemoryEvent> out = new ArrayList<>();
    for (String id : replay.regionsWithin(o.target())) {
      String region = replay.names().of(id);
      out.add(
          new MemoryEvent(
              step.loc(),
              who
                  + " frees "
                  + target
                  + (id.equals(o.target().id()) ? "" : ", which holds " + region),
              new Operation.Free<>(region, false, false)));
    }
    return out;
  }

  @Override
  public List<MemoryEvent> visitAddressSpaceInit(Operation.AddressSpaceInit<Place> o) {
    uses(o.root());
    String space = name(o.addressSpace());
    String root = name(o.root());
    return event(
        who + " initializes address space " + space + " over " + root,
        new Operation.AddressSpaceInit<>(space, root));
  }

  @Override
  public List<MemoryEvent> visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Place> o) {
    String space = name(o.addressSpace());
    return event(
        who + " destroys address space " + space,
        new Operation.AddressSpaceDestroy<>(space, o.frees()));
  }

  @Override
  public List<MemoryEvent> visitFind(Operation.Find<Place> o) {
    uses(o.reference());
    String reference = name(o.reference());
    return event(
        who + " gets " + reference + " from memory_region_find, " + "which takes a reference on it",
        new Operation.Find<>(reference));
  }

  /** The buffer names both the mapping and the region it hits. */
  @Override
  public List<MemoryEvent> visitAddressSpaceMap(Operation.AddressSpaceMap<Place> o) {
    uses(o.result());
    String buffer = name(o.result());
    String space = name(o.addressSpace());
    return event(
        who + " maps " + buffer + " with address_space_map(" + space + ")",
        new Operation.AddressSpaceMap<>(space, buffer, buffer));
  }

  @Override
  public List<MemoryEvent> visitReturnsHolding(Operation.ReturnsHolding<Place> o) {
    String held = name(o.held());
    return event(
        who + " returns still holding " + held + ", stored nowhere",
        new Operation.ReturnsHolding<>(held));
  }

  @Override
  public List<MemoryEvent> visitSetFreeHook(Operation.SetFreeHook<Place> o) {
    uses(o.region());
    String region = name(o.region());
    return event(
        who + " sets OBJECT(" + region + ")->free",
        new Operation.SetFreeHook<>(region, o.embedded()));
  }

  @Override
  public List<MemoryEvent> visitAddressSpaceUnmap(Operation.AddressSpaceUnmap<Place> o) {
    throw noStep(o);
  }

  @Override
  public List<MemoryEvent> visitKeeps(Operation.Keeps<Place> o) {
    throw noStep(o);
  }

  @Override
  public List<MemoryEvent> visitReturns(Operation.Returns<Place> o) {
    throw noStep(o);
  }

  @Override
  public List<MemoryEvent> visitDeviceOwner(Operation.DeviceOwner<Place> o) {
    throw noStep(o);
  }

  @Override
  public List<MemoryEvent> visitRegisters(Operation.Registers<Place> o) {
    throw noStep(o);
  }

  @Override
  public List<MemoryEvent> visitReportsError(Operation.ReportsError<Place> o) {
    throw noStep(o);
  }

  @Override
  public List<MemoryEvent> visitTestsMapped(Operation.TestsMapped<Place> o) {
    throw noStep(o);
  }

  @Override
  public List<MemoryEvent> visitUse(Operation.Use<Place> o) {
    throw noStep(o);
  }

  private static IllegalStateException noStep(Operation<Place> o) {
    return new IllegalStateException("no rule writes a witness step " + o);
  }
}
