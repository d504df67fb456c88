package dev.mrcheck.model;

import dev.mrcheck.ir.SourceLoc;
import java.util.List;

/** {@code hook_setter device_class_set_parent_realize(dc, fn, parent) = realize(fn);} as bound. */
public record HookSetterModel(
    String name, List<String> params, ApiModel.HookSetter setter, SourceLoc definedAt) {
  public HookSetterModel {
    params = List.copyOf(params);
  }
}
