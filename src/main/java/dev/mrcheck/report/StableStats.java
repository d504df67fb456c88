package dev.mrcheck.report;

import dev.mrcheck.scan.ScanStats;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scan figures that reports carry: all but the wall time, which would make every report differ.
 */
final class StableStats {
  private StableStats() {}

  static Map<String, Object> of(ScanStats s) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("filesFound", s.filesFound());
    stats.put("filesParsed", s.filesParsed());
    stats.put("linesParsed", s.linesParsed());
    stats.put("functions", s.functions());
    stats.put("droppedFunctions", s.droppedFunctions());
    stats.put("inactiveFunctions", s.inactiveFunctions());
    stats.put("recoveredFunctions", s.recoveredFunctions());
    stats.put("skippedFunctions", s.skippedFunctions());
    stats.put("parseProblems", s.parseProblems());
    return stats;
  }
}
