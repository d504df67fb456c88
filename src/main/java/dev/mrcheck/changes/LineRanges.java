package dev.mrcheck.changes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A set of line numbers as sorted, disjoint, inclusive ranges. Immutable once built. */
final class LineRanges {
  static final int END_OF_FILE = Integer.MAX_VALUE;

  private final int[] starts;
  private final int[] ends;

  private LineRanges(int[] starts, int[] ends) {
    this.starts = starts;
    this.ends = ends;
  }

  static final class Builder {
    private final List<int[]> ranges = new ArrayList<>();

    Builder add(int first, int last) {
      if (last >= first) ranges.add(new int[] {first, last});
      return this;
    }

    LineRanges build() {
      ranges.sort(Comparator.comparingInt(r -> r[0]));
      List<int[]> merged = new ArrayList<>();
      for (int[] r : ranges) {
        int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
        if (last != null && r[0] <= (long) last[1] + 1) last[1] = Math.max(last[1], r[1]);
        else merged.add(r.clone());
      }
      int[] s = new int[merged.size()];
      int[] e = new int[merged.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = merged.get(i)[0];
        e[i] = merged.get(i)[1];
      }
      return new LineRanges(s, e);
    }
  }

  /** Whether any line in {@code first..last} (inclusive) is in the set. */
  boolean intersects(int first, int last) {
    int lo = 0;
    int hi = starts.length - 1;
    // The last range starting at or before `last`: if any range intersects, that one does.
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (starts[mid] <= last) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && ends[found] >= first;
  }

  boolean isEmpty() {
    return starts.length == 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < starts.length; i++) {
      if (i > 0) sb.append(", ");
      sb.append(starts[i])
          .append('-')
          .append(ends[i] == END_OF_FILE ? "end" : String.valueOf(ends[i]));
    }
    return sb.append(']').toString();
  }
}
