package dev.mrcheck.fix;

import dev.mrcheck.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The fixes for a set of findings, as one patch per file (files in name order). */
public record FixPlan(List<Fix> fixes, List<Finding> unfixable, List<FilePatch> patches) {
  public FixPlan {
    fixes = List.copyOf(fixes);
    unfixable = List.copyOf(unfixable);
    patches = List.copyOf(patches);
  }

  /** {@code rules}: the rule ids to fix; empty means every rule that has a fix. */
  public static FixPlan of(List<Finding> findings, SourceTexts texts, Set<String> rules) {
    List<Fix> fixes = new ArrayList<>();
    List<Finding> unfixable = new ArrayList<>();
    Map<String, List<TextEdit>> byFile = new TreeMap<>();
    for (Finding f : findings) {
      if (!Fixes.rules().contains(f.ruleId()) || (!rules.isEmpty() && !rules.contains(f.ruleId())))
        continue;
      Optional<Fix> fix = Fixes.forFinding(f, texts);
      if (fix.isEmpty()) {
        unfixable.add(f);
        continue;
      }
      fixes.add(fix.get());
      for (TextEdit e : fix.get().edits())
        byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(e);
    }
    List<FilePatch> patches = new ArrayList<>();
    byFile.forEach(
        (file, edits) -> {
          String text = texts.read(file);
          if (text != null) patches.add(new FilePatch(file, text, edits));
        });
    return new FixPlan(fixes, unfixable, patches);
  }

  public String unifiedDiff() {
    return unifiedDiff("");
  }

  /**
   * The diff with {@code prefix} (the scan root's path from the repository root) before every file
   * name.
   */
  public String unifiedDiff(String prefix) {
    StringBuilder out = new StringBuilder();
    for (FilePatch p : patches) out.append(p.unifiedDiff(prefix));
    return out.toString();
  }
}
