package dev.mrcheck.ir;

import java.util.List;
import java.util.Map;

/**
 * A function (C) or method (Java) definition. {@code localTypes} maps each local variable and
 * parameter to its declared type name (pointer stars stripped), which decides e.g. whether {@code
 * k->exit = f} sets a {@code PCIDeviceClass} hook.
 */
public record Function(
    String name,
    String file,
    boolean fileLocal,
    SourceLoc loc,
    List<Param> params,
    Map<String, String> localTypes,
    Cfg cfg) {
  public Function {
    params = List.copyOf(params);
    localTypes = Map.copyOf(localTypes);
  }

  /** Identity across the program: file-local (C static) functions are qualified by their file. */
  public String key() {
    return fileLocal ? file + "#" + name : name;
  }
}
