package dev.mrcheck.ir;

import java.util.Map;

/**
 * A QOM type definition ({@code TypeInfo} in C, a device class in Java). Names are as written
 * ({@code TYPE_PCI_DEVICE} or {@code "pci-device"}); {@link Program} resolves macro names to
 * strings. {@code hooks} holds lifecycle functions known directly from the definition: {@code
 * instance_init}, {@code instance_finalize}, {@code class_init}, and for Java {@code
 * realize}/{@code unrealize}; C realize/unrealize come from class_init bodies. {@code
 * instanceStruct} is the state struct ({@code sizeof(MyState)}), or null.
 */
public record TypeRegistration(
    String name,
    String parent,
    String instanceStruct,
    Map<String, String> hooks,
    Map<String, String> properties,
    SourceLoc loc) {
  public TypeRegistration {
    hooks = Map.copyOf(hooks);
    properties = Map.copyOf(properties);
  }
}
