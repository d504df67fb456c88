package dev.mrcheck.io;

import com.fasterxml.jackson.core.JacksonException;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in the user's words: "line 1, column 6: Unexpected end-of-input ...".
 * Jackson's own text names its input as {@code [Source: REDACTED (`StreamReadFeature...` disabled);
 * line: 1, column: 6]}, which tells a user nothing.
 */
public final class JsonMessages {
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)]");
  private static final Pattern ANY_SOURCE =
      Pattern.compile("\\s*\\(?\\s*at \\[Source: [^\\]]*]\\)?");

  private JsonMessages() {}

  public static String describe(JacksonException e) {
    String message = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
    message = SOURCE.matcher(message).replaceAll("line $1, column $2");
    message = ANY_SOURCE.matcher(message).replaceAll("");
    message = message.strip().replaceAll("\\s*\\R\\s*", " ");
    if (e.getLocation() == null || e.getLocation().getLineNr() < 1) return message;
    return "line "
        + e.getLocation().getLineNr()
        + ", column "
        + e.getLocation().getColumnNr()
        + ": "
        + message;
  }
}
