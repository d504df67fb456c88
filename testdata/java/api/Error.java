package api;

/**
 * Stub: the facade's {@code Error **}, handed to realize. {@link #setg} is {@code error_setg}: a
 * realize that returns after it has failed.
 */
public final class Error {
  private Error() {}

  public native void setg(String message);
}
