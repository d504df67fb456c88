package dev.mrcheck.scan;

/**
 * Bad input from the user (missing path, bad model file, unwritable output): exit code 2, one-line
 * message.
 */
public class ScanException extends Exception {
  public ScanException(String message) {
    super(message);
  }

  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
