package dev.mrcheck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallGraphTest {
  private static final String HELPERS =
      """
      void win_map(WinState *s) { memory_region_add_subregion(get_system_memory(), 0, &s->win); }
      void win_forget(WinState *s) { g_free(s->name); }
      static void log_it(int x) { printf("%d", x); }
      """;
  private static final String DEV =
      """
      static void log_it(int x) { win_map(NULL); }
      static void dev_realize(DeviceState *dev, Error **errp) { win_map(DEV_STATE(dev)); log_it(1); }
      static void dev_reset(DeviceState *dev) { win_forget(DEV_STATE(dev)); }
      static void dev_idle(void) { }
      """;

  @Test
  void reachesTheApiThroughHelpersInOtherFiles() {
    Program p = AnalysisFixture.program("helpers.c", HELPERS, "dev.c", DEV);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    assertThat(g.reachesApi("win_map")).isTrue();
    assertThat(g.reachesApi("dev.c#dev_realize")).isTrue();
    assertThat(g.reachesApi("dev.c#dev_idle")).isFalse();
    assertThat(g.callers("win_map")).contains("dev.c#dev_realize", "dev.c#log_it");
  }

  @Test
  void fileLocalFunctionsResolveInTheirOwnFile() {
    Program p = AnalysisFixture.program("helpers.c", HELPERS, "dev.c", DEV);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    // dev.c's log_it maps a window; helpers.c's log_it only prints.
    assertThat(g.reachesApi("dev.c#log_it")).isTrue();
    assertThat(g.reachesApi("helpers.c#log_it")).isFalse();
  }

  @Test
  void freeingAloneIsFollowedButDoesNotSpreadRelevance() {
    Program p = AnalysisFixture.program("helpers.c", HELPERS, "dev.c", DEV);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    assertThat(g.reachesApi("win_forget")).isFalse();
    assertThat(g.worthFollowing("win_forget")).isTrue();
    assertThat(g.reachesApi("dev.c#dev_reset")).isFalse();
  }

  @Test
  void runTimeRootCandidatesIncludeCallbacksThatOnlyFreeDirectlyOrOneCallDown() {
    Program p = AnalysisFixture.program("helpers.c", HELPERS, "dev.c", DEV);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    assertThat(g.actingOnRegions())
        .contains("win_map", "win_forget", "dev.c#dev_reset")
        .doesNotContain("dev.c#dev_idle", "helpers.c#log_it")
        .isSorted();
  }
}
