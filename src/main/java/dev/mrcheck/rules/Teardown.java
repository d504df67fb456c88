package dev.mrcheck.rules;

import dev.mrcheck.model.Role;

/** Which lifecycle phases a teardown checkpoint looks back on. */
final class Teardown {
  private Teardown() {}

  /**
   * Whether something that arose in {@code born} still matters at the checkpoint after {@code
   * checkpoint}: at the throw-away instance's end only instance_init ran; after unrealize,
   * instance_init and realize did (unrealize-born facts are not leftovers of the device's life).
   */
  static boolean bornBefore(Role born, Role checkpoint) {
    if (born == null) return false;
    if (checkpoint == Role.INSTANCE_INIT) return born == Role.INSTANCE_INIT;
    return born == Role.INSTANCE_INIT || born == Role.REALIZE;
  }
}
