package dev.mrcheck.model;

import java.util.Optional;
import java.util.Set;

/**
 * The bound API model: which function does what, which class fields are lifecycle hooks, and which
 * QOM base types are hot-pluggable. Built from the bundled files under {@code rules/} plus the
 * user's {@code --model} files; a later definition of the same function replaces the earlier.
 */
public interface ApiModel {
  Optional<FunctionModel> function(String name);

  /** {@code PCIDeviceClass.exit} → {@link Role#UNREALIZE}; empty when the field is no hook. */
  Optional<Role> classHook(String classType, String field);

  /**
   * Functions like {@code device_class_set_parent_realize(dc, fn, parent)}: which role and which
   * argument holds the hook.
   */
  Optional<HookSetter> hookSetter(String function);

  /**
   * Whether instances of a QOM base type can be unrealized at run time ({@code TYPE_PCI_DEVICE}:
   * yes, {@code TYPE_SYS_BUS_DEVICE}: no); empty when the model does not say.
   */
  Optional<Boolean> hotpluggable(String typeName);

  /** Every function name the model knows; the lexical pre-pass looks for these. */
  Set<String> functionNames();

  record HookSetter(Role role, int functionArg) {}
}
