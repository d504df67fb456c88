package dev.mrcheck.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable hash behind {@link Finding#fingerprint()}: the first 64 bits of SHA-256 over the
 * recipe's parts joined with {@code |}, in hex. The same on every JVM and platform, unlike {@code
 * String.hashCode}, and wide enough that unrelated findings of a large tree do not collide. Callers
 * pass only line-independent parts (rule, file, function, subject), never a line number.
 */
public final class Fingerprint {
  /**
   * Names this recipe where fingerprints are stored (SARIF {@code partialFingerprints}, baseline
   * files): changing the recipe changes the key, and a stored file with another key is outdated.
   */
  public static final String KEY = "mrcheck/v3";

  private static final int HEX_CHARS = 16;

  private Fingerprint() {}

  public static String of(String... parts) {
    String recipe = String.join("|", parts);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(recipe.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
