package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.StructField;
import dev.mrcheck.ir.Value;
import dev.mrcheck.model.ApiModel;
import dev.mrcheck.model.FunctionModel;
import dev.mrcheck.model.Operation;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What dies with a QOM object's instance storage: after instance_finalize QOM frees the {@code
 * instance_size} bytes, and every region embedded in them (not reached through a pointer) dies
 * then, without any call in the device's code (docs/rules/MR003.md). Also which inits name their
 * region: only a named region becomes a child property of its owner, or of {@code
 * /machine/unattached} when the owner is NULL.
 */
public final class InstanceStorage {
  /** The parameter of a modelled init that names the region, as the API model spells it. */
  private static final String NAME_PARAM = "name";

  private final Program program;
  private final Set<SourceLoc> unnamedInits = new HashSet<>();

  public InstanceStorage(Program program, ApiModel model) {
    this.program = program;
    if (program == null) return;
    for (Function f : program.functions()) {
      for (Stmt s : f.cfg().statements()) {
        if (s instanceof Stmt.Call c && unnamed(c, model.function(c.callee())))
          unnamedInits.add(c.loc());
      }
    }
  }

  /** No instance storage in view (a result built by hand). */
  public static InstanceStorage none() {
    return new InstanceStorage(null, null);
  }

  private static boolean unnamed(Stmt.Call c, Optional<FunctionModel> m) {
    if (m.isEmpty() || m.get().effects().stream().noneMatch(e -> e instanceof Operation.Init))
      return false;
    int i = m.get().params().indexOf(NAME_PARAM);
    return i >= 0 && i < c.args().size() && c.args().get(i) instanceof Value.Null;
  }

  /**
   * Whether the init call at {@code loc} passes a name (an unnamed region is no child property).
   */
  public boolean named(SourceLoc initCall) {
    return !unnamedInits.contains(initCall);
  }

  /**
   * Whether the replayed place {@code regionId} lies in {@code device}'s C instance struct itself:
   * {@code self.mmio}, {@code self.bars.[*].mr}, not {@code self.buf.mr} through a pointer. False
   * when a layout on the way is not in view.
   */
  public boolean embedded(DeviceType device, String regionId) {
    if (program == null
        || device == null
        || device.instanceStruct() == null
        || !regionId.startsWith(Place.SELF + ".")) return false;
    if (device.registration().loc().file().endsWith(".java"))
      return false; // Java fields are references
    String type = device.instanceStruct();
    for (String step : regionId.substring(Place.SELF.length() + 1).split("\\.")) {
      if (step.equals(AccessPath.ANY_INDEX)) continue;
      StructField f = program.layouts().member(type, step);
      if (f == null || f.pointer()) return false;
      type = f.type();
    }
    return true;
  }
}
