package dev.mrcheck.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  private static Map<String, String> parse(String diff) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    UnifiedDiff.parse(diff).forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  @Test
  void hunkHeadersGiveTheNewSidesLines() {
    assertThat(
            parse(
                """
        diff --git a/hw/a.c b/hw/a.c
        index 1..2 100644
        --- a/hw/a.c
        +++ b/hw/a.c
        @@ -3 +3 @@ f
        -x
        +y
        @@ -10,0 +11,2 @@
        +z
        +w
        @@ -20,2 +22,3 @@
        """))
        .containsExactly(Map.entry("hw/a.c", "[3-3, 11-12, 22-24]"));
  }

  @Test
  void aPureDeletionMarksTheLinesAroundIt() {
    assertThat(
            parse(
                """
        diff --git a/a.c b/a.c
        --- a/a.c
        +++ b/a.c
        @@ -12 +11,0 @@
        -    memory_region_del_subregion(c, &s->mr);
        @@ -1,2 +0,0 @@
        """))
        .containsExactly(Map.entry("a.c", "[1-1, 11-12]"));
  }

  @Test
  void renamedNewAndDeletedFiles() {
    assertThat(
            parse(
                """
        diff --git a/old.c b/new.c
        similarity index 90%
        rename from old.c
        rename to new.c
        --- a/old.c
        +++ b/new.c
        @@ -5 +5 @@
        diff --git a/added.c b/added.c
        new file mode 100644
        --- /dev/null
        +++ b/added.c
        @@ -0,0 +1,3 @@
        diff --git a/gone.c b/gone.c
        deleted file mode 100644
        --- a/gone.c
        +++ /dev/null
        @@ -1,3 +0,0 @@
        """))
        .containsExactly(Map.entry("new.c", "[5-5]"), Map.entry("added.c", "[1-3]"));
  }

  @Test
  void anAddedLineThatLooksLikeAFileHeaderIsContent() {
    assertThat(
            parse(
                """
        diff --git a/a.c b/a.c
        --- a/a.c
        +++ b/a.c
        @@ -1,0 +2 @@
        +++ b/other.c
        """))
        .containsOnlyKeys("a.c");
  }

  @Test
  void quotedAndBlankNames() {
    assertThat(
            parse(
                "diff --git a/x b/x\n--- a/my dev.c\t\n+++ b/my dev.c\t\n@@ -1 +1 @@\n"
                    + "diff --git a/y b/y\n--- \"a/caf\\303\\251\\\\.c\"\n+++ \"b/caf\\303\\251\\\\.c\"\n@@ -1 +1 @@\n"))
        .containsOnlyKeys("my dev.c", "caf\u00e9\\.c");
  }

  @Test
  void rangesIntersect() {
    LineRanges r = new LineRanges.Builder().add(3, 5).add(10, 10).add(6, 7).build();
    assertThat(r).hasToString("[3-7, 10-10]");
    assertThat(r.intersects(1, 2)).isFalse();
    assertThat(r.intersects(1, 3)).isTrue();
    assertThat(r.intersects(8, 9)).isFalse();
    assertThat(r.intersects(8, 100)).isTrue();
    assertThat(r.intersects(11, 11)).isFalse();
  }
}
