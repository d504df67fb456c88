package dev.mrcheck.confirm;

import static dev.mrcheck.model.Semantics.CURRENT;
import static dev.mrcheck.model.Semantics.LEGACY;
import static dev.mrcheck.model.Semantics.REFCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.golden.GoldenMarkers;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every golden finding of testdata/c, replayed by the runtime model under the semantics it was
 * found under. The exceptions are listed here, each with its reason, and the list may only shrink:
 * an entry the model now reproduces fails the test (delete it), and so does a finding the model
 * does not reproduce that no entry lists. Entries find their line from the case's own BUG marker.
 */
class GoldenConfirmationTest {
  private static final String HARMLESS_UNDER_REFCOUNT =
      "the refcount series makes this unparent harmless: the"
          + " container's reference keeps the region alive (a device that is not hot-pluggable never lets go of it),"
          + " so the model has nothing to show, while MR002 flags the pattern under every semantics";
  private static final String WITNESS_LACKS_CONTAINER =
      "refcount only: the witness of a subregion left in a"
          + " container that outlives its unparent carries neither the container's own mapping nor its unparent,"
          + " so the replay finalizes the container at once and the subregion with it";
  private static final String NO_OVER_RELEASE =
      "the model has no outcome for an unref or unmap of a reference the path does not hold (it"
          + " drops another holder's reference and notes it): MR006's over-release gives no witness yet";
  private static final String NO_LINKS =
      "the witness has no step for a region reached through a link property: the model would need"
          + " the other object that owns it, so MR004's foreign teardown gives no witness yet";
  private static final String NO_POINTERS =
      "a registration or an address space over a foreign root gives no"
          + " witness: the model has regions and references, not the pointers a bus or a global list keeps to a"
          + " freed instance";

  /** A golden finding the model does not reproduce: the marker it answers, and why. */
  private record Entry(
      Set<Semantics> under, String rule, String file, String marker, String reason) {
    String key() {
      return rule
          + " "
          + file
          + ":"
          + GoldenMarkers.flaggedLine("testdata/c/" + file, rule, marker);
    }
  }

  /** Findings the model replays and refutes. */
  private static final List<Entry> NOT_REPRODUCED =
      List.of(
          new Entry(
              Set.of(LEGACY, CURRENT),
              "MR005",
              "mr004_refcount_finalize_unparents_window_a_failed_realize_left_mapped.c",
              "",
              "open, not looked into: the confirmer's witness of a mapping a failing realize leaves"
                  + " does not reproduce it"),
          new Entry(
              Set.of(LEGACY, CURRENT),
              "MR001",
              "mr001_gfree_keeps_owner_reference.c",
              "",
              "open: the selftest's model run shows this leak, the confirmer's witness does not yet (a reference on a"
                  + " heap region that exit unparents and frees)"),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_goto_fail_skips_del.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_blob_unparented_under_version_test.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_packed_descriptors_gautofree_remap.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_runtime_window_unparent_without_del.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_callback_states_across_invocations.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_vfio_like_quirks_unparent_no_del.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_subregion_walk_unparents_without_del.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_subregion_walk_guard_skips_the_bank.c",
              "s->regs",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_subregion_walk_guard_skips_the_bank.c",
              "s->window",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_subregion_walk_helper_unparents_without_del.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_class_hooks_set_in_class_init_helpers.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_ops_tables_and_stage_arrays.c",
              "",
              HARMLESS_UNDER_REFCOUNT),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_container_held_by_pending_as_destroy.c",
              "",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_root_kept_by_lost_as_destroy.c",
              "",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_refcount_unparented_alias_keeps_its_target.c",
              "s->doorbell",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_refcount_alias_held_by_as_keeps_bar_in_finalize.c",
              "still be mapped in s->bar",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_refcount_finalize_unmap_frees_aliased_container.c",
              "still be mapped in s->vram_win",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_self_owned_window_outlives_its_unparent.c",
              "s->samples_alias",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_add_while_mapped_elsewhere_moves_nothing.c",
              "",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_finalize_readds_alias_its_container_lost.c",
              "",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_container_unparented_while_mapped.c",
              "in s->window",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_refcount_held_window_keeps_port_deleted_elsewhere.c",
              "in s->data_window",
              WITNESS_LACKS_CONTAINER),
          new Entry(
              Set.of(REFCOUNT),
              "MR002",
              "mr002_list_drain_loops_and_element_helpers.c",
              "may still be mapped in s->bar",
              "open: under refcount the replay of the drained list element (one summarized window)"
                  + " does not show it finalized while the BAR still maps it"));

  /** Findings the model cannot replay at all, under every semantics. */
  private static final List<Entry> NO_WITNESS =
      List.of(
          new Entry(
              Set.of(Semantics.values()),
              "MR008",
              "mr008_instance_init_registers_and_maps.c",
              "pci_setup_iommu",
              NO_POINTERS),
          new Entry(
              Set.of(Semantics.values()),
              "MR008",
              "mr008_instance_init_registers_and_maps.c",
              "qemu_register_reset",
              NO_POINTERS),
          new Entry(
              Set.of(Semantics.values()),
              "MR008",
              "mr008_instance_init_registers_and_maps.c",
              "s->dma_as",
              NO_POINTERS),
          new Entry(
              Set.of(Semantics.values()),
              "MR004",
              "mr004_teardown_unparents_linked_regions.c",
              "object_unparent(s->backend)",
              NO_LINKS),
          new Entry(
              Set.of(Semantics.values()),
              "MR004",
              "mr004_teardown_unparents_linked_regions.c",
              "object_unparent(s->peer->regs)",
              NO_LINKS),
          new Entry(
              Set.of(Semantics.values()),
              "MR006",
              "mr006_over_release_unref_and_unmap_twice.c",
              "memory_region_unref(sec->mr)",
              NO_OVER_RELEASE),
          new Entry(
              Set.of(Semantics.values()),
              "MR006",
              "mr006_over_release_unref_and_unmap_twice.c",
              "dma_memory_unmap(buf)",
              NO_OVER_RELEASE),
          new Entry(
              Set.of(Semantics.values()),
              "MR006",
              "mr006_over_release_unref_and_unmap_twice.c",
              "memory_region_unref(s->backend)",
              NO_OVER_RELEASE),
          new Entry(
              Set.of(Semantics.values()),
              "MR006",
              "mr006_shadow_window_put_twice_at_unplug.c",
              "memory_region_unref(s->window)",
              NO_OVER_RELEASE));

  @ParameterizedTest(name = "{0}")
  @EnumSource(Semantics.class)
  void everyGoldenFindingIsConfirmedUnlessListed(Semantics semantics) throws Exception {
    ScanResult all = scan(semantics, true);
    Set<String> refuted = new TreeSet<>();
    Set<String> unwitnessed = new TreeSet<>();
    int infeasible = 0;
    for (Finding f : all.findings()) {
      Confirmation c = all.confirmation(f).orElseThrow();
      // Refuted (the path cannot happen): the golden files mark these // OK, GoldenTest checks
      // them.
      if (c.refuted()) {
        infeasible++;
        continue;
      }
      if (!c.replayed()) {
        unwitnessed.add(f.ruleId() + " " + f.loc().file() + ":" + f.loc().line());
        continue;
      }
      if (!c.confirmed()) refuted.add(f.ruleId() + " " + f.loc().file() + ":" + f.loc().line());
      else assertThat(c.witnessTrace()).as("trace of " + f.loc()).isNotEmpty();
    }
    List<String> problems = new ArrayList<>();
    problems.addAll(compare("not reproduced by the model", semantics, NOT_REPRODUCED, refuted));
    problems.addAll(compare("not replayed by the model", semantics, NO_WITNESS, unwitnessed));
    assertThat(problems)
        .as(
            "golden findings against the allowlists of "
                + GoldenConfirmationTest.class.getSimpleName())
        .isEmpty();

    ScanResult confirmedOnly = scan(semantics, false);
    assertThat(confirmedOnly.findings())
        .hasSize(all.findings().size() - refuted.size() - infeasible);
  }

  /**
   * Stale entries (the finding is now confirmed, or gone) and findings no entry lists; each listed
   * one that still holds is printed with its reason.
   */
  private static List<String> compare(
      String what, Semantics semantics, List<Entry> entries, Set<String> actual) {
    Map<String, Entry> listed = new TreeMap<>();
    for (Entry e : entries) if (e.under().contains(semantics)) listed.put(e.key(), e);
    List<String> out = new ArrayList<>();
    listed.forEach(
        (key, e) -> {
          if (actual.contains(key)) {
            System.out.println(
                semantics.label() + ": " + what + ", as listed: " + key + ": " + e.reason());
          } else {
            out.add(
                "stale entry, the finding is no longer "
                    + what
                    + ": "
                    + key
                    + " (delete it; it said: "
                    + e.reason()
                    + ")");
          }
        });
    for (String key : actual) {
      if (!listed.containsKey(key))
        out.add(
            "new finding "
                + what
                + ": "
                + key
                + " (fix the model or the rule, or list it with a reason)");
    }
    return out;
  }

  private static ScanResult scan(Semantics semantics, boolean keepUnconfirmed) throws Exception {
    return new Scanner()
        .scan(
            new ScanRequest(
                List.of(Path.of("testdata/c")),
                semantics,
                Set.of(),
                List.of(),
                FrontendOptions.NONE,
                2,
                keepUnconfirmed));
  }
}
