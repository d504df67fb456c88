package dev.mrcheck.report;

import com.contrastsecurity.sarif.ArtifactChange;
import com.contrastsecurity.sarif.ArtifactContent;
import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.Replacement;
import dev.mrcheck.fix.Fix;
import dev.mrcheck.fix.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link Fix} as a SARIF {@code fix}: one artifact change per file, one replacement per edit. An
 * insertion is an empty deleted region (start and end at the same place), as §3.57.3 allows.
 */
final class SarifFixes {
  private SarifFixes() {}

  static com.contrastsecurity.sarif.Fix of(Fix fix, Function<String, ArtifactLocation> location) {
    Map<String, List<Replacement>> byFile = new LinkedHashMap<>();
    for (TextEdit e : fix.edits()) {
      Replacement r =
          new Replacement()
              .withDeletedRegion(
                  new Region()
                      .withStartLine(e.startLine())
                      .withStartColumn(e.startColumn())
                      .withEndLine(e.endLine())
                      .withEndColumn(e.endColumn()));
      // A pure deletion has no inserted content.
      if (!e.newText().isEmpty()) r.setInsertedContent(new ArtifactContent().withText(e.newText()));
      byFile.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(r);
    }
    Set<ArtifactChange> changes = new LinkedHashSet<>();
    byFile.forEach(
        (file, replacements) ->
            changes.add(
                new ArtifactChange()
                    .withArtifactLocation(location.apply(file))
                    .withReplacements(replacements)));
    return new com.contrastsecurity.sarif.Fix()
        .withDescription(new Message().withText(fix.description()))
        .withArtifactChanges(changes);
  }
}
