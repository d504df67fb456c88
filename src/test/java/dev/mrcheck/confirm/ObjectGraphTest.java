package dev.mrcheck.confirm;

import static dev.mrcheck.analysis.Fact.Owner.SELF;
import static dev.mrcheck.confirm.Witnesses.asInit;
import static dev.mrcheck.confirm.Witnesses.map;
import static dev.mrcheck.confirm.Witnesses.ref;
import static dev.mrcheck.confirm.Witnesses.unparent;
import static dev.mrcheck.model.Role.REALIZE;
import static dev.mrcheck.model.Role.UNREALIZE;
import static dev.mrcheck.rules.Witness.Expectation.FINALIZED_WHILE_MAPPED;
import static dev.mrcheck.rules.Witness.Expectation.OWNER_LEAK;
import static dev.mrcheck.runtime.ObjectGraph.EdgeKind.MAPPED_IN;
import static dev.mrcheck.runtime.ObjectGraph.EdgeKind.OWNS;
import static dev.mrcheck.runtime.ObjectGraph.EdgeKind.REFS;
import static dev.mrcheck.runtime.ObjectGraph.EdgeKind.ROOT_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.model.RegionKind;
import dev.mrcheck.model.Semantics;
import dev.mrcheck.runtime.ObjectGraph;
import dev.mrcheck.runtime.ObjectGraph.GraphEdge;
import dev.mrcheck.runtime.ObjectGraph.GraphNode;
import dev.mrcheck.runtime.ObjectGraph.NodeKind;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The object graph a confirmation carries, and the edges it highlights. */
class ObjectGraphTest {
  private final Confirmer confirmer = new Confirmer();

  private static Map<String, GraphNode> nodes(ObjectGraph g) {
    return g.nodes().stream().collect(Collectors.toMap(GraphNode::id, Function.identity()));
  }

  @Test
  void unparentWhileMappedHighlightsTheMappingLeftDangling() {
    Confirmation c =
        confirmer.confirm(
            new Witnesses()
                .init(REALIZE, "self.legacy_io", SELF, RegionKind.IO)
                .step(REALIZE, map("self.legacy_io", "global:pci_io"))
                .step(UNREALIZE, unparent("self.legacy_io"))
                .finding("MR002", true, FINALIZED_WHILE_MAPPED),
            Semantics.CURRENT);
    assertThat(c.confirmed()).isTrue();
    ObjectGraph g = c.graph();
    Map<String, GraphNode> nodes = nodes(g);
    assertThat(nodes.get("n:TYPE_DEV").kind()).isEqualTo(NodeKind.OWNER);
    assertThat(nodes.get("n:s->legacy_io").kind()).isEqualTo(NodeKind.REGION);
    assertThat(nodes.get("n:s->legacy_io").fate()).isEqualTo(ObjectGraph.Fate.FINALIZED);
    assertThat(nodes.get("n:pci_io").kind()).isEqualTo(NodeKind.CONTAINER);
    assertThat(g.edges())
        .contains(new GraphEdge("n:TYPE_DEV", "n:s->legacy_io", OWNS, "owns", false));
    assertThat(g.highlightedEdges())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(MAPPED_IN);
              assertThat(e.from()).isEqualTo("n:s->legacy_io");
              assertThat(e.to()).isEqualTo("n:pci_io");
            });
  }

  @Test
  void ownerCycleThroughAnAddressSpaceHighlightsItsReferences() {
    Confirmation c =
        confirmer.confirm(
            new Witnesses()
                .init(REALIZE, "self.dma_root", SELF, RegionKind.CONTAINER)
                .step(REALIZE, asInit("self.dma_as", "self.dma_root"))
                .finding("MR001", true, OWNER_LEAK),
            Semantics.CURRENT);
    assertThat(c.confirmed()).as(c.verdict()).isTrue();
    ObjectGraph g = c.graph();
    assertThat(nodes(g).get("as:s->dma_as").kind()).isEqualTo(NodeKind.ADDRESS_SPACE);
    assertThat(nodes(g).get("n:TYPE_DEV").fate()).isEqualTo(ObjectGraph.Fate.LEAKED);
    assertThat(g.edges())
        .anyMatch(
            e ->
                e.kind() == ROOT_OF
                    && e.from().equals("n:s->dma_root")
                    && e.to().equals("as:s->dma_as"));
    // The address space's reference on the device is what keeps the owner alive.
    assertThat(g.highlightedEdges())
        .isNotEmpty()
        .allMatch(e -> e.kind() == REFS)
        .anyMatch(e -> e.from().equals("as:s->dma_as") && e.to().equals("n:TYPE_DEV"));
  }

  @Test
  void refOnOwnRegionIsACycleBackToTheOwner() {
    Confirmation c =
        confirmer.confirm(
            new Witnesses()
                .init(REALIZE, "self.mmio", SELF, RegionKind.IO)
                .step(REALIZE, ref("self.mmio"))
                .finding("MR001", true, OWNER_LEAK),
            Semantics.CURRENT);
    assertThat(c.confirmed()).isTrue();
    assertThat(c.graph().highlightedEdges())
        .anyMatch(e -> e.kind() == REFS && e.to().equals("n:TYPE_DEV"));
  }
}
