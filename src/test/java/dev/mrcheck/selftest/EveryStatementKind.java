package dev.mrcheck.selftest;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.AddSubregion;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceDestroy;
import dev.mrcheck.selftest.DeviceProgram.AddressSpaceInit;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.Container;
import dev.mrcheck.selftest.DeviceProgram.DelSubregion;
import dev.mrcheck.selftest.DeviceProgram.Find;
import dev.mrcheck.selftest.DeviceProgram.Free;
import dev.mrcheck.selftest.DeviceProgram.FreeAddressSpace;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.Init;
import dev.mrcheck.selftest.DeviceProgram.Owner;
import dev.mrcheck.selftest.DeviceProgram.Ref;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
import dev.mrcheck.selftest.DeviceProgram.Unparent;
import dev.mrcheck.selftest.DeviceProgram.Unref;
import dev.mrcheck.selftest.DeviceProgram.UnrefFound;
import java.util.List;
import java.util.Map;

/**
 * A device program that uses every statement kind in every lifecycle role (an error branch in
 * realize and in instance_finalize, a helper, a run-time handler): the renderers' tests check each
 * statement against its rendering.
 */
final class EveryStatementKind {
  private EveryStatementKind() {}

  static DeviceProgram of(boolean pci) {
    return of(pci, true);
  }

  /**
   * {@code finalizeBranch}: instance_finalize ends in an error branch too (the Java renderings give
   * such a branch no line of its own).
   */
  static DeviceProgram of(boolean pci, boolean finalizeBranch) {
    List<RegionField> regions =
        List.of(
            new RegionField("r0", Shape.EMBEDDED),
            new RegionField("r1", Shape.HEAP),
            new RegionField("r2", Shape.ARRAY),
            new RegionField("r3", Shape.EMBEDDED));
    List<Stmt> init =
        List.of(
            new Init(0, RegionKind.CONTAINER, Owner.SELF, -1),
            new Init(1, RegionKind.RAM, Owner.NONE, -1),
            new Init(2, RegionKind.ALIAS, Owner.OTHER, 1),
            new CallHelper(0),
            new Init(3, RegionKind.IO, Owner.REGION, -1));
    List<Stmt> realize =
        List.of(
            new AddSubregion(new Container(0), 2),
            new AddSubregion(Container.SYSTEM_MEMORY, 1),
            new Ref(0),
            new AddressSpaceInit(0, 0),
            new AddressSpaceInit(1, -1),
            new Find(0),
            new IfError(1, List.of(new Unparent(2), new UnrefFound(0))),
            new UnrefFound(0));
    List<Stmt> unrealize =
        List.of(
            new DelSubregion(new Container(0), 2),
            new DelSubregion(Container.SYSTEM_MEMORY, 1),
            new Unref(0),
            new AddressSpaceDestroy(0),
            new AddressSpaceDestroy(1),
            new FreeAddressSpace(1, true));
    List<Stmt> finalize =
        finalizeBranch
            ? List.of(
                new Free(1),
                new FreeAddressSpace(1, false),
                new IfError(2, List.of(new Unparent(3))))
            : List.of(new Free(1), new FreeAddressSpace(1, false));
    List<Stmt> runtime = List.of(new Find(1), new UnrefFound(1), new Ref(0), new Unref(0));
    return new DeviceProgram(
        pci,
        regions,
        2,
        Map.of(
            Role.INSTANCE_INIT,
            init,
            Role.REALIZE,
            realize,
            Role.UNREALIZE,
            unrealize,
            Role.INSTANCE_FINALIZE,
            finalize),
        List.of(List.of(new Init(0, RegionKind.IO, Owner.SELF, -1))),
        runtime);
  }
}
