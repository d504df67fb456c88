package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;

/**
 * A visitor of the operations a generated device program contains ({@link DeviceProgram.ApiCall}):
 * the self-test's one answer for the operations it never generates (a wrong owner is generated as
 * an {@link Operation.Init} owned by the region itself), so that its renderers and its execution
 * only say what the generated ones do. An operation the generator starts making moves from here to
 * the abstract methods, and the compiler names each consumer.
 */
abstract class GeneratedOperations<R> implements Operation.Visitor<Slot, R> {

  @Override
  public final R visitInitMisowned(Operation.InitMisowned<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitKeeps(Operation.Keeps<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitAddressSpaceMap(Operation.AddressSpaceMap<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitAddressSpaceUnmap(Operation.AddressSpaceUnmap<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitReturns(Operation.Returns<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitDeviceOwner(Operation.DeviceOwner<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitRegisters(Operation.Registers<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitReportsError(Operation.ReportsError<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitTestsMapped(Operation.TestsMapped<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitReturnsHolding(Operation.ReturnsHolding<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitSetFreeHook(Operation.SetFreeHook<Slot> o) {
    throw notGenerated(o);
  }

  @Override
  public final R visitUse(Operation.Use<Slot> o) {
    throw notGenerated(o);
  }

  private static IllegalStateException notGenerated(Operation<Slot> o) {
    return new IllegalStateException("the self-test generates no " + o);
  }
}
