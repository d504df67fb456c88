package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classifies the owner argument of a region's init: combines the replay's places (which see through
 * helpers: a helper's {@code Object *owner} parameter is the caller's {@code OBJECT(s)}) with
 * static types (the declared type of the owner expression, or of the place's root, walked through
 * struct layouts) and QOM kinds.
 */
final class OwnerShapes {
  private final Program program;
  private final QomClasses qom;

  /**
   * The static type of what each allocation site made, from the local it was stored in: in the
   * replay being run, or in the one whose state it starts from.
   */
  private Map<String, String> allocTypes = new HashMap<>();

  OwnerShapes(Program program, QomClasses qom) {
    this.program = program;
    this.qom = qom;
  }

  /**
   * Starts a replay that knows the types of {@code known}'s places, the allocations of the replay
   * it starts from, and no other: what earlier replays allocated does not depend on the order they
   * ran in.
   */
  void startReplay(Map<String, String> known) {
    allocTypes = new HashMap<>(known);
  }

  /** The types of the allocations known so far in this replay. */
  Map<String, String> allocations() {
    return Map.copyOf(allocTypes);
  }

  /** {@code MyBuf *b = g_new0(MyBuf, 1);}: the object made at that site has type MyBuf. */
  void allocated(String placeId, String type) {
    if (placeId.startsWith("new@") && type != null && !type.isEmpty() && !type.equals("void")) {
      allocTypes.putIfAbsent(placeId, type);
    }
  }

  OwnerShape classify(Function f, Value ownerValue, Place owner, Place region, DeviceType device) {
    if (ownerValue instanceof Value.Null n) {
      return !n.text().equals("NULL") ? OwnerShape.ZERO_LITERAL : OwnerShape.NULL_POINTER;
    }
    if (owner == null || owner.isNull()) return OwnerShape.NULL_POINTER;
    if (owner.isUnknown()) return OwnerShape.UNKNOWN;
    if (!region.isUnknown() && owner.id().equals(region.id())) return OwnerShape.THE_REGION;
    String type = staticType(f, ownerValue);
    if (type == null || type.equals("Object") || type.equals("void"))
      type = placeType(owner.id(), device);
    if (!region.isUnknown() && region.id().startsWith(owner.id() + ".") && type != null) {
      List<String> steps =
          Arrays.asList(region.id().substring(owner.id().length() + 1).split("\\."));
      if (program.layouts().firstMembersOnly(type, steps)) return OwnerShape.THE_REGION;
    }
    if (Ownership.ownerOf(owner) == Fact.Owner.SELF && device != null) {
      return qom.isDevice(device) ? OwnerShape.DEVICE : OwnerShape.WRAPPER;
    }
    // Object * says nothing about what the object is (a device as much as anything else): QOM's
    // root
    // type is no evidence of a non-device owner.
    if ("Object".equals(type)) return OwnerShape.UNKNOWN;
    return switch (qom.ofStruct(type)) {
      case DEVICE -> OwnerShape.DEVICE;
      case REGION -> OwnerShape.OTHER_REGION;
      case OBJECT -> holds(owner, region) ? OwnerShape.WRAPPER : OwnerShape.NON_DEVICE_OBJECT;
      case PLAIN -> OwnerShape.NOT_AN_OBJECT;
      case UNKNOWN -> OwnerShape.UNKNOWN;
    };
  }

  /** The region lies in the owner's struct, or the owner points at it ({@code mapping->mr}). */
  private static boolean holds(Place owner, Place region) {
    return region.within(owner.id()) || region.shown().startsWith(owner.shown() + "->");
  }

  /**
   * The declared type of an expression in {@code f}: its root's declaration walked through layouts.
   */
  String staticType(Function f, Value v) {
    if (!(v instanceof Value.Path p)) return null;
    AccessPath ap = p.path();
    String root = f.localTypes().get(ap.root());
    return root == null ? null : program.layouts().typeAlong(root, ap.steps());
  }

  /**
   * The type of a replayed place: the device's state struct, a function's local, or an allocation.
   */
  String placeType(String id, DeviceType device) {
    String rootType;
    String rest;
    if (id.equals(Place.SELF) || id.startsWith(Place.SELF + ".")) {
      rootType = device == null ? null : device.instanceStruct();
      rest = id.substring(Place.SELF.length());
    } else if (id.startsWith("new@")) {
      int hash = id.indexOf('#');
      int dot = hash < 0 ? -1 : id.indexOf('.', hash);
      String root = dot < 0 ? id : id.substring(0, dot);
      rootType = allocTypes.get(root);
      rest = id.substring(root.length());
    } else if (id.contains("::")) {
      int sep = id.indexOf("::");
      Function fn = program.function(id.substring(0, sep));
      int dot = id.indexOf('.', sep);
      String local = dot < 0 ? id.substring(sep + 2) : id.substring(sep + 2, dot);
      rootType = fn == null ? null : fn.localTypes().get(local);
      rest = dot < 0 ? "" : id.substring(dot);
    } else {
      return null;
    }
    if (rootType == null) return null;
    List<String> steps = new ArrayList<>();
    for (String s : rest.split("\\.")) if (!s.isEmpty()) steps.add(s);
    return program.layouts().typeAlong(rootType, steps);
  }
}
