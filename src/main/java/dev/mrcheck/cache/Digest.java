package dev.mrcheck.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over a sequence of parts, each length-prefixed so that no two sequences run together
 * ("ab","c" differs from "a","bc"); its first 128 bits, in hex, name a cache entry.
 */
public final class Digest {
  private final MessageDigest sha;

  public Digest() {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  public Digest add(byte[] part) {
    sha.update(ByteBuffer.allocate(4).putInt(part.length).array());
    sha.update(part);
    return this;
  }

  public Digest add(String part) {
    return add(part == null ? new byte[] {-1} : part.getBytes(StandardCharsets.UTF_8));
  }

  public Digest add(long part) {
    return add(ByteBuffer.allocate(8).putLong(part).array());
  }

  /** The digest so far, as 32 hex digits; the digest is then reset. */
  public String hex() {
    byte[] full = sha.digest();
    return HexFormat.of().formatHex(full, 0, 16);
  }

  /** One part's digest: a file's contents, say. */
  public static String of(byte[] data) {
    return new Digest().add(data).hex();
  }
}
