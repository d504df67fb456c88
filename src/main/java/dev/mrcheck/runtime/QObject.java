package dev.mrcheck.runtime;

/** A QOM object that is not a region: a device, a bus, the machine and its containers. */
public final class QObject extends Node {
  private final boolean machine;
  Runnable instanceFinalize;

  QObject(String name, boolean machine) {
    super(name);
    this.machine = machine;
  }

  /** True for the machine's own objects ({@code /machine}, {@code /machine/unattached}). */
  public boolean isMachine() {
    return machine;
  }

  @Override
  boolean immortal() {
    return machine;
  }
}
