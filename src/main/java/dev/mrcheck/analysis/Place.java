package dev.mrcheck.analysis;

import java.io.Serializable;

/**
 * A region, object or address space as the replay identifies it. {@code id} is canonical across
 * functions ({@code self.bars.[*].mr}, {@code global:system_memory}, {@code new@dev.c:40.alias});
 * {@code shown} is how the code at hand spells it ({@code s->bars[i].mr}), for messages. Witness
 * steps name their operands by places (serialized with findings).
 */
public record Place(String id, String shown) implements Serializable {
  public static final String SELF = "self";
  public static final Place NULL = new Place("null", "NULL");

  /** The {@code Error **} a lifecycle hook reports its failure through. */
  public static final Place ERROR = new Place("error:caller", "errp");

  public static final Place UNKNOWN = new Place("?", "?");

  public boolean isNull() {
    return id.equals(NULL.id);
  }

  public boolean isUnknown() {
    return id.equals(UNKNOWN.id);
  }

  public boolean isGlobalRegion() {
    return id.startsWith("global:");
  }

  public Place field(String step) {
    if (isUnknown() || isNull()) return this;
    return new Place(id + "." + step, shown + "." + step);
  }

  /**
   * Whether this place lies inside {@code other} ({@code self.win.alias} inside {@code self.win}).
   */
  public boolean within(String otherId) {
    return isWithin(id, otherId);
  }

  /** The same test on bare ids, for facts and witness steps that carry ids rather than places. */
  public static boolean isWithin(String id, String otherId) {
    return id.equals(otherId) || id.startsWith(otherId + ".");
  }
}
