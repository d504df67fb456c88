package dev.mrcheck.selftest;

import static dev.mrcheck.selftest.DeviceProgram.addSubregion;
import static dev.mrcheck.selftest.DeviceProgram.addressSpaceDestroy;
import static dev.mrcheck.selftest.DeviceProgram.addressSpaceInit;
import static dev.mrcheck.selftest.DeviceProgram.delSubregion;
import static dev.mrcheck.selftest.DeviceProgram.find;
import static dev.mrcheck.selftest.DeviceProgram.free;
import static dev.mrcheck.selftest.DeviceProgram.freeAddressSpace;
import static dev.mrcheck.selftest.DeviceProgram.init;
import static dev.mrcheck.selftest.DeviceProgram.ref;
import static dev.mrcheck.selftest.DeviceProgram.unparent;
import static dev.mrcheck.selftest.DeviceProgram.unref;
import static dev.mrcheck.selftest.DeviceProgram.unrefFound;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Role;
import dev.mrcheck.selftest.DeviceProgram.CallHelper;
import dev.mrcheck.selftest.DeviceProgram.IfError;
import dev.mrcheck.selftest.DeviceProgram.RegionField;
import dev.mrcheck.selftest.DeviceProgram.Shape;
import dev.mrcheck.selftest.DeviceProgram.Stmt;
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
            init(0, RegionKind.CONTAINER, Slot.Fixed.SELF, -1),
            init(1, RegionKind.RAM, null, -1),
            init(2, RegionKind.ALIAS, Slot.Fixed.PEER, 1),
            new CallHelper(0),
            init(3, RegionKind.IO, new Slot.RegionAt(3), -1));
    List<Stmt> realize =
        List.of(
            addSubregion(new Slot.RegionAt(0), 2),
            addSubregion(Slot.Fixed.SYSTEM_MEMORY, 1),
            ref(0),
            addressSpaceInit(0, new Slot.RegionAt(0)),
            addressSpaceInit(1, Slot.Fixed.SYSTEM_MEMORY),
            find(0),
            new IfError(1, List.of(unparent(2), unrefFound(0))),
            unrefFound(0));
    List<Stmt> unrealize =
        List.of(
            delSubregion(new Slot.RegionAt(0), 2),
            delSubregion(Slot.Fixed.SYSTEM_MEMORY, 1),
            unref(0),
            addressSpaceDestroy(0),
            addressSpaceDestroy(1),
            freeAddressSpace(1, true));
    List<Stmt> finalize =
        finalizeBranch
            ? List.of(free(1), freeAddressSpace(1, false), new IfError(2, List.of(unparent(3))))
            : List.of(free(1), freeAddressSpace(1, false));
    List<Stmt> runtime = List.of(find(1), unrefFound(1), ref(0), unref(0));
    return DeviceProgram.device(pci, regions, 2)
        .hooks(
            Map.of(
                Role.INSTANCE_INIT,
                init,
                Role.REALIZE,
                realize,
                Role.UNREALIZE,
                unrealize,
                Role.INSTANCE_FINALIZE,
                finalize))
        .helpers(List.of(List.of(init(0, RegionKind.IO, Slot.Fixed.SELF, -1))))
        .runtime(runtime)
        .build();
  }
}
