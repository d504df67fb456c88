package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.StructField;
import dev.mrcheck.model.ApiModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What dies with a QOM object's instance storage: after instance_finalize QOM frees the {@code
 * instance_size} bytes, and every region embedded in them (not reached through a pointer) dies
 * then, without any call in the device's code (docs/rules/MR003.md). Also which inits name their
 * region: only a named region becomes a child property of its owner, or of {@code
 * /machine/unattached} when the owner is NULL.
 */
public final class InstanceStorage {
  private final Program program;
  private final Set<SourceLoc> unnamedInits = new HashSet<>();

  /** {@code Struct.member} for every pointer member some code in the program stores to. */
  private final Set<String> storedMembers = new HashSet<>();

  public InstanceStorage(Program program, ApiModel model) {
    this(program, FunctionMemo.fresh(model));
  }

  /**
   * Assembled from each function's {@link FunctionFacts}: its unnamed inits, and its member stores
   * typed by the program's layouts (one lookup per distinct path prefix).
   */
  InstanceStorage(Program program, FunctionMemo memo) {
    this.program = program;
    if (program == null) return;
    Map<FunctionFacts.MemberStore, String> typed = new HashMap<>();
    for (Function f : program.functions()) {
      FunctionFacts facts = memo.facts(f);
      unnamedInits.addAll(facts.unnamedInits());
      for (FunctionFacts.MemberStore st : facts.memberStores()) {
        FunctionFacts.MemberStore prefix =
            new FunctionFacts.MemberStore(st.rootType(), st.along(), "");
        String struct =
            typed.computeIfAbsent(
                prefix,
                k -> Objects.toString(program.layouts().typeAlong(k.rootType(), k.along()), ""));
        if (!struct.isEmpty()) storedMembers.add(struct + "." + st.member());
      }
    }
  }

  /** No instance storage in view (a result built by hand). */
  public static InstanceStorage none() {
    return new InstanceStorage(null, (ApiModel) null);
  }

  /**
   * Whether the init call at {@code loc} passes a name (an unnamed region is no child property).
   */
  public boolean named(SourceLoc initCall) {
    return !unnamedInits.contains(initCall);
  }

  /**
   * Whether the replayed place {@code regionId} is reached from {@code device}'s C instance struct
   * through a pointer member no code in the program stores to ({@code self.backend}, {@code
   * self.peer.mmio}): such a pointer is set from outside, by a link property. A pointer a factory
   * or the device's code sets (to a heap allocation, to one of its own fields) is not. False when a
   * layout on the way is not in view, or the place is no region.
   */
  public boolean throughUnsetPointer(DeviceType device, String regionId) {
    if (program == null
        || device == null
        || device.instanceStruct() == null
        || !regionId.startsWith(Place.SELF + ".")
        || device.registration().loc().file().endsWith(".java")) return false;
    String type = device.instanceStruct();
    boolean pointer = false;
    for (String step : regionId.substring(Place.SELF.length() + 1).split("\\.")) {
      if (step.equals(AccessPath.ANY_INDEX)) continue;
      StructField f = program.layouts().member(type, step);
      if (f == null || f.pointer() && storedMembers.contains(type + "." + step)) return false;
      pointer |= f.pointer();
      type = f.type();
    }
    return pointer && type.endsWith("MemoryRegion");
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
