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

  private static final String HOOKS =
      """
      static void bt_init(IfaceState *s) { memory_region_init_io(&s->io, OBJECT(s), NULL, s, "bt", 4); }
      static void kcs_init(IfaceState *s) { g_free(s->buf); }
      static void bt_class_init(IfaceClass *ic) { ic->init = bt_init; }
      static void kcs_class_init(IfaceClass *ic) { ic->init = kcs_init; }
      static void other_class_init(OtherClass *oc) { oc->init = kcs_init; }
      static void iface_realize(IfaceState *s) { IfaceClass *k = IFACE_GET_CLASS(s); k->init(s); }
      static void other_realize(OtherState *s) { OtherClass *k = OTHER_GET_CLASS(s); k->init(s); }
      static void table_walk(Group *groups, int i) { groups[i].size_init(i); }
      """;

  @Test
  void aCallThroughAFieldReachesEveryFunctionStoredInThatFieldOfThatType() {
    Program p = AnalysisFixture.program("iface.c", HOOKS);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    assertThat(g.callers("iface.c#bt_init")).containsExactly("iface.c#iface_realize");
    assertThat(g.callers("iface.c#kcs_init"))
        .containsExactlyInAnyOrder("iface.c#iface_realize", "iface.c#other_realize");
    // An array element's field has no declared type to tell its family.
    assertThat(g.callers("iface.c#table_walk")).isEmpty();
    assertThat(g.reachesApi("iface.c#iface_realize")).isTrue();
    // OtherClass.init holds kcs_init only, which maps nothing.
    assertThat(g.reachesApi("iface.c#other_realize")).isFalse();
    assertThat(g.hasCallers("iface.c#table_walk")).isFalse();
  }

  @Test
  void aBaseTypesCodeDispatchingToHooksOfTypesRegisteredElsewhereCallsNoneOfThem() {
    StringBuilder src = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      src.append(
          "static void r%d(DevState *s) { memory_region_init(&s->m, OBJECT(s), \"m\", 1); }\n"
              .formatted(i));
      src.append(
          "static void c%d(ObjectClass *k, const void *d) { DeviceClass *dc = DEVICE_CLASS(k);"
                  .formatted(i)
              + " dc->realize = r%d; }\n".formatted(i));
      src.append(
          "static const TypeInfo t%d = { .name = \"d%d\", .parent = TYPE_DEVICE, .class_init = c%d };\n"
              .formatted(i, i, i));
    }
    String qdev = "static void set_realized(DeviceClass *dc, DevState *s) { dc->realize(s); }\n";
    Program p = AnalysisFixture.program("devs.c", src.toString(), "qdev.c", qdev);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    assertThat(g.reachesApi("qdev.c#set_realized")).isFalse();
    assertThat(g.hasCallers("devs.c#r0")).isFalse();
  }

  private static final String TABLES =
      """
      typedef struct WinOps { void (*open)(WinState *s); void (*close)(WinState *s); } WinOps;
      typedef struct Group { int id; void (*size_init)(WinState *s); } Group;
      struct WinState { const WinOps *ops; MemoryRegion win; };
      static void win_open(WinState *s) { memory_region_init_io(&s->win, OBJECT(s), NULL, s, "w", 4); }
      static void win_close(WinState *s) { object_unparent(OBJECT(&s->win)); }
      static void grp_size(WinState *s) { memory_region_init(&s->win, OBJECT(s), "g", 4); }
      static const WinOps named_ops = { .open = win_open };
      static const WinOps positional_ops = { NULL, win_close };
      static const Group groups[] = { { .id = 1, .size_init = grp_size }, { 2, NULL } };
      static void start(WinState *s) { s->ops->open(s); }
      static void stop(WinState *s) { s->ops->close(s); }
      static void sizes(WinState *s, int i) { groups[i].size_init(s); }
      """;

  @Test
  void staticTablesFeedTheFieldCallsOfTheirTypeDesignatedPositionalAndArraysOfStructs() {
    Program p = AnalysisFixture.program("win.c", TABLES);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    assertThat(g.callers("win.c#win_open")).containsExactly("win.c#start");
    assertThat(g.callers("win.c#win_close")).containsExactly("win.c#stop");
    assertThat(g.callers("win.c#grp_size")).containsExactly("win.c#sizes");
    assertThat(g.reachesApi("win.c#sizes")).isTrue();
  }

  @Test
  void aTableCalledThroughByAnotherFilesCodeIsAnEntryPointNotACallee() {
    String core = "void core_start(WinState *s) { s->ops->open(s); }\n";
    Program p = AnalysisFixture.program("win.c", TABLES, "core.c", core);
    CallGraph g = new CallGraph(p, AnalysisFixture.MODEL);
    assertThat(g.callers("win.c#win_open")).containsExactly("win.c#start");
    assertThat(g.reachesApi("core_start")).isFalse();
  }
}
