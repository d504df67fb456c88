package dev.mrcheck.confirm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.Semantics;
import dev.mrcheck.frontend.FrontendOptions;
import dev.mrcheck.rules.Finding;
import dev.mrcheck.scan.ScanRequest;
import dev.mrcheck.scan.ScanResult;
import dev.mrcheck.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every golden finding of testdata/c, replayed by the runtime model under the semantics it was found
 * under. The exceptions are listed here, not hidden: the refcount series makes these unparents
 * harmless (the container's reference keeps the region alive; non-hot-pluggable devices never let
 * go of it), so the model has nothing to show, while MR002 flags them under every semantics; and the
 * witness of a subregion left in a container unparented while mapped (refcount only) does not carry
 * the container's own mapping and unparent, so the replay finalizes the container at once. MR008
 * registrations and address spaces over a foreign root give no witness: the model has regions and
 * references, not the pointers a bus or a global list keeps to a freed instance.
 */
class GoldenConfirmationTest {
  private static final Set<String> NO_WITNESS = Set.of(
      "MR008 mr008_instance_init_registers_and_maps.c:32",
      "MR008 mr008_instance_init_registers_and_maps.c:65",
      "MR008 mr008_instance_init_registers_and_maps.c:97");

  // Open (agree-a, session 3): the selftest's model run shows this leak, the confirmer's witness does
  // not yet: a reference on a heap region that exit unparents and frees.
  private static final Map<Semantics, Set<String>> NOT_REPRODUCED = Map.of(
      Semantics.LEGACY, Set.of("MR001 mr001_gfree_keeps_owner_reference.c:37"),
      Semantics.CURRENT, Set.of("MR001 mr001_gfree_keeps_owner_reference.c:37"),
      Semantics.REFCOUNT, Set.of(
          "MR002 mr002_container_held_by_pending_as_destroy.c:66",
          "MR002 mr002_root_kept_by_lost_as_destroy.c:63",
          "MR002 mr002_refcount_unparented_alias_keeps_its_target.c:69",
          "MR002 mr002_self_owned_window_outlives_its_unparent.c:57",
          "MR002 mr002_add_while_mapped_elsewhere_moves_nothing.c:61",
          "MR002 mr002_finalize_readds_alias_its_container_lost.c:53",
          "MR002 mr002_container_unparented_while_mapped.c:78",
          "MR002 mr002_goto_fail_skips_del.c:48",
          "MR002 mr002_packed_descriptors_gautofree_remap.c:72",
          "MR002 mr002_runtime_window_unparent_without_del.c:31",
          "MR002 mr002_vfio_like_quirks_unparent_no_del.c:96"));

  @ParameterizedTest(name = "{0}")
  @EnumSource(Semantics.class)
  void everyGoldenFindingIsConfirmedUnlessListed(Semantics semantics) throws Exception {
    ScanResult all = scan(semantics, true);
    Set<String> refuted = new TreeSet<>();
    Set<String> unwitnessed = new TreeSet<>();
    for (Finding f : all.findings()) {
      Confirmation c = all.confirmation(f).orElseThrow();
      if (!c.replayed()) {
        unwitnessed.add(f.ruleId() + " " + f.loc().file() + ":" + f.loc().line());
        continue;
      }
      if (!c.confirmed()) refuted.add(f.ruleId() + " " + f.loc().file() + ":" + f.loc().line());
      else assertThat(c.witnessTrace()).as("trace of " + f.loc()).isNotEmpty();
    }
    assertThat(refuted).containsExactlyInAnyOrderElementsOf(NOT_REPRODUCED.get(semantics));
    assertThat(unwitnessed).containsExactlyInAnyOrderElementsOf(NO_WITNESS);

    ScanResult confirmedOnly = scan(semantics, false);
    assertThat(confirmedOnly.findings()).hasSize(all.findings().size() - refuted.size());
  }

  private static ScanResult scan(Semantics semantics, boolean keepUnconfirmed) throws Exception {
    return new Scanner().scan(new ScanRequest(List.of(Path.of("testdata/c")), semantics, Set.of(), List.of(),
        FrontendOptions.NONE, 2, keepUnconfirmed));
  }
}
