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
    Cfg cfg,
    String key) {
  /**
   * {@code key}: identity across the program, file-local (C static) functions qualified by their
   * file; always derived from the other components (a given one is ignored). A component, made
   * once: the call graph and the replays look functions up by key millions of times, and building
   * the string each time was a few percent of a QEMU scan's CPU.
   */
  public Function {
    params = List.copyOf(params);
    localTypes = Map.copyOf(localTypes);
    key = keyOf(name, file, fileLocal);
  }

  public Function(
      String name,
      String file,
      boolean fileLocal,
      SourceLoc loc,
      List<Param> params,
      Map<String, String> localTypes,
      Cfg cfg) {
    this(name, file, fileLocal, loc, params, localTypes, cfg, null);
  }

  private static String keyOf(String name, String file, boolean fileLocal) {
    return fileLocal ? file + "#" + name : name;
  }
}
