package dev.mrcheck.selftest;

import dev.mrcheck.model.Operation;
import dev.mrcheck.runtime.Region;
import dev.mrcheck.runtime.RuntimeModel;
import dev.mrcheck.selftest.ModelState.Call;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * What QOM does once a torn-down device's instance_finalize returned: it frees the instance
 * storage, and the regions embedded in it die. An owner-less one (not an alias or container) is
 * still a child of /machine/unattached then, and nothing counted references on it: MR003, at its
 * init (docs/rules/MR003.md). The device's own regions died with its child properties already. Only
 * C state structs embed regions: a Java device's fields are references.
 */
final class InstanceStorageFree {
  private InstanceStorageFree() {}

  static void free(
      RuntimeModel model,
      DeviceProgram program,
      Map<Integer, Region> regions,
      List<Call> calls,
      IntConsumer violatedAt) {
    for (Map.Entry<Integer, Region> e : regions.entrySet()) {
      Region r = e.getValue();
      if (program.regions().get(e.getKey()).shape() == DeviceProgram.Shape.HEAP)
        continue; // not in the instance
      if (r.isFinalized() || r.owner() != null || r.ownsItself() || r.kind().isTransient())
        continue;
      model.note(
          null,
          "QOM frees the instance storage after instance_finalize, with " + r.name() + " in it");
      model.freeRegion(r, null);
      int line = -1;
      for (Call c : calls)
        if (c.operation() instanceof Operation.Init<Slot> i
            && i.region() instanceof Slot.RegionAt at
            && at.index() == e.getKey()) line = c.line();
      if (line > 0) violatedAt.accept(line);
    }
  }
}
