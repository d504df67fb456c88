package dev.mrcheck.selftest;

/**
 * Turns a {@link DeviceProgram} into the source of one language, recording each statement's line.
 */
public interface Renderer {
  RenderedSource render(DeviceProgram program);

  /**
   * Whether the language can spell every statement of {@code program}; a program it cannot is not
   * checked in it.
   */
  default boolean renders(DeviceProgram program) {
    return true;
  }
}
