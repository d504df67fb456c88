package dev.mrcheck.selftest;

/**
 * A field of the generated device's state that guards test and statements write ({@link Guard},
 * {@link StateFieldWrite}), beside the region fields: C {@code bool name;}, {@code unsigned name;}
 * or {@code MemoryRegion *backend;} in the state struct.
 */
public record StateField(String name, Kind kind) {
  /** What the field holds, and who sets it. */
  public enum Kind {
    /**
     * A boolean property the user sets before realize ({@code -device selftest,prop_x=on}): the
     * program cannot know its value, so the model explores both.
     */
    PROPERTY,
    /**
     * A link property: another object's region ({@code MemoryRegion *backend}), set by the user or
     * left NULL; the model explores both. Named by {@link Slot.Fixed#BACKEND}.
     */
    BACKEND,
    /** A flag the program sets and clears; false in the zeroed instance. */
    FLAG,
    /** A count the program moves up and down; 0 in the zeroed instance. */
    COUNTER;

    /** Whether the program cannot know the value: the model explores it both ways. */
    public boolean input() {
      return this == PROPERTY || this == BACKEND;
    }
  }

  /** {@code s->backend}, the link property {@link Slot.Fixed#BACKEND} names. */
  public static final StateField BACKEND = new StateField("backend", Kind.BACKEND);
}
