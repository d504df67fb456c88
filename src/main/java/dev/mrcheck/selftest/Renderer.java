package dev.mrcheck.selftest;

/**
 * Turns a {@link DeviceProgram} into the source of one language, recording each statement's line.
 */
public interface Renderer {
  RenderedSource render(DeviceProgram program);
}
