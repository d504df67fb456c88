package dev.mrcheck.rules;

import dev.mrcheck.analysis.Observation;
import dev.mrcheck.analysis.Place;
import dev.mrcheck.model.Operand;
import dev.mrcheck.model.Operation;

/**
 * A call met in instance_finalize as the witness step that replays it (MR004): an add, delete,
 * reference, unparent or address-space call as itself; any other call on the finalized region as a
 * delete from what it names besides the region, which the runtime model sees as a use of the region
 * (and of that container) after its finalization.
 */
final class FinalizeUse implements Operation.Visitor<Operand, Operation<Place>> {
  private final Place subject;
  private final Place other;

  private FinalizeUse(Observation o) {
    this.subject = o.subject();
    this.other = o.other();
  }

  static Operation<Place> of(Observation o) {
    return o.effect().accept(new FinalizeUse(o));
  }

  private Operation<Place> asUse() {
    return new Operation.Unmap<>(subject, other);
  }

  @Override
  public Operation<Place> visitInit(Operation.Init<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitInitMisowned(Operation.InitMisowned<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitMap(Operation.Map<Operand> o) {
    return new Operation.Map<>(subject, other, null);
  }

  @Override
  public Operation<Place> visitUnmap(Operation.Unmap<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitRef(Operation.Ref<Operand> o) {
    return new Operation.Ref<>(subject, false);
  }

  @Override
  public Operation<Place> visitUnref(Operation.Unref<Operand> o) {
    return new Operation.Unref<>(subject);
  }

  @Override
  public Operation<Place> visitUnparent(Operation.Unparent<Operand> o) {
    return new Operation.Unparent<>(subject);
  }

  @Override
  public Operation<Place> visitFree(Operation.Free<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitKeeps(Operation.Keeps<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitAddressSpaceInit(Operation.AddressSpaceInit<Operand> o) {
    return new Operation.AddressSpaceInit<>(subject, other);
  }

  @Override
  public Operation<Place> visitAddressSpaceDestroy(Operation.AddressSpaceDestroy<Operand> o) {
    return new Operation.AddressSpaceDestroy<>(subject, false);
  }

  @Override
  public Operation<Place> visitAddressSpaceMap(Operation.AddressSpaceMap<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitAddressSpaceUnmap(Operation.AddressSpaceUnmap<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitFind(Operation.Find<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitReturns(Operation.Returns<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitDeviceOwner(Operation.DeviceOwner<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitRegisters(Operation.Registers<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitReportsError(Operation.ReportsError<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitTestsMapped(Operation.TestsMapped<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitReturnsHolding(Operation.ReturnsHolding<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitSetFreeHook(Operation.SetFreeHook<Operand> o) {
    return asUse();
  }

  @Override
  public Operation<Place> visitUse(Operation.Use<Operand> o) {
    return asUse();
  }
}
