package dev.mrcheck.analysis;

import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.TypeRegistration;
import dev.mrcheck.model.Role;
import java.util.List;
import java.util.Map;

/**
 * A QOM type with its resolved lifecycle: the functions that run in each role (inherited hooks
 * included, in the order QOM runs them) and whether instances can ever be unrealized.
 */
public record DeviceType(
    String name,
    TypeRegistration registration,
    List<String> ancestry,
    boolean hotpluggable,
    String hotplugReason,
    String instanceStruct,
    Map<Role, List<Function>> hooks) {
  public DeviceType {
    ancestry = List.copyOf(ancestry);
    hooks = Map.copyOf(hooks);
  }

  public List<Function> hooks(Role role) {
    return hooks.getOrDefault(role, List.of());
  }
}
