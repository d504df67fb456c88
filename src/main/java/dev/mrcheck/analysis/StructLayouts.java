package dev.mrcheck.analysis;

import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.StructField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The struct layouts the frontends extracted, by struct name: the type of each member and which
 * member comes first. C's first member shares the struct's address, which is what QOM casts rely
 * on: {@code OBJECT(s)} is {@code &s->parent_obj}, and is the region itself when the region is the
 * first member.
 */
public final class StructLayouts {
  private static final int MAX_DEPTH = 12;

  private final Map<String, List<StructField>> byStruct = new HashMap<>();

  StructLayouts(Iterable<StructField> fields) {
    for (StructField f : fields) {
      List<StructField> members = byStruct.computeIfAbsent(f.struct(), k -> new ArrayList<>());
      if (members.stream().noneMatch(m -> m.name().equals(f.name()))) members.add(f);
    }
  }

  public boolean knows(String struct) {
    return struct != null && byStruct.containsKey(struct);
  }

  /** The first member of {@code struct}, or null when its layout is not in view. */
  public StructField first(String struct) {
    List<StructField> members = struct == null ? null : byStruct.get(struct);
    return members == null || members.isEmpty() ? null : members.get(0);
  }

  /** The member at {@code index} in declaration order (a positional initializer's), or null. */
  public StructField nth(String struct, int index) {
    List<StructField> members = struct == null ? null : byStruct.get(struct);
    return members == null || index >= members.size() ? null : members.get(index);
  }

  public StructField member(String struct, String name) {
    for (StructField f : byStruct.getOrDefault(struct, List.of()))
      if (f.name().equals(name)) return f;
    return null;
  }

  /**
   * The type reached from {@code rootType} through {@code steps} ({@code [*]} keeps the element
   * type), or null when a layout on the way is not in view.
   */
  public String typeAlong(String rootType, List<String> steps) {
    String type = rootType;
    for (String step : steps) {
      if (type == null) return null;
      if (step.equals(AccessPath.ANY_INDEX)) continue;
      StructField f = member(type, step);
      type = f == null ? null : f.type();
    }
    return type;
  }

  /**
   * Whether {@code steps} walk only through first members: the path names the same address as its
   * root.
   */
  public boolean firstMembersOnly(String rootType, List<String> steps) {
    String type = rootType;
    for (String step : steps) {
      StructField f = first(type);
      if (f == null || !f.name().equals(step) || f.pointer() || f.array()) return false;
      type = f.type();
    }
    return true;
  }

  /**
   * The types met by following first members from {@code struct}, itself included (its QOM ancestry
   * by layout).
   */
  public List<String> firstMemberChain(String struct) {
    List<String> out = new ArrayList<>();
    String type = struct;
    while (type != null && out.size() < MAX_DEPTH && !out.contains(type)) {
      out.add(type);
      StructField f = first(type);
      type = f == null || f.pointer() || f.array() ? null : f.type();
    }
    return out;
  }
}
