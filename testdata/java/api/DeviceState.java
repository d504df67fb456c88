package api;

/** Stub of the qdev base class. Subclasses override the lifecycle methods they need. */
public abstract class DeviceState {
  protected native void instanceInit();

  protected native void realize();

  /** Realize that can fail: it reports the failure through {@code errp} and returns. */
  protected native void realize(Error errp);

  protected native void unrealize();

  protected native void instanceFinalize();

  public native boolean isHotpluggable();
}
