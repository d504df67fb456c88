package dev.mrcheck.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrcheck.cache.RecordCodec.CodecException;
import dev.mrcheck.ir.AccessPath;
import dev.mrcheck.ir.Cfg;
import dev.mrcheck.ir.CfgNode;
import dev.mrcheck.ir.Function;
import dev.mrcheck.ir.Param;
import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.ir.Stmt;
import dev.mrcheck.ir.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
  record Sample(
      String name,
      int count,
      long big,
      boolean flag,
      Set<String> tags,
      Map<String, Integer> sizes,
      List<Value> values,
      Path where,
      AccessPath.Root kind,
      byte[] bytes) {}

  private static Function function() {
    Cfg cfg = new Cfg();
    SourceLoc loc = SourceLoc.of("hw/x.c", 3, 5);
    CfgNode call =
        cfg.newNode(
            new Stmt.Call(
                "memory_region_init_io",
                List.of(
                    new Value.Path(AccessPath.of(AccessPath.Root.PARAM, "s", "mmio")),
                    new Value.Null("0")),
                null,
                loc));
    CfgNode ret = cfg.newNode(new Stmt.Return(null, loc));
    cfg.entry().addSuccessor(call);
    call.addSuccessor(ret);
    ret.addSuccessor(cfg.exit());
    call.addSuccessor(call); // a loop
    return new Function(
        "realize", "hw/x.c", true, loc, List.of(new Param("dev", "DeviceState")), Map.of(), cfg);
  }

  @Test
  void recordsEnumsCollectionsAndPathsRoundTrip() throws CodecException {
    Sample s =
        new Sample(
            "x",
            -3,
            1L << 40,
            true,
            Set.of("b", "a"),
            Map.of("k", 1),
            List.of(new Value.Literal("\"long " + "y".repeat(70_000) + "\"")),
            Path.of("/tmp/a b"),
            AccessPath.Root.GLOBAL,
            new byte[] {1, 2});
    Sample back = RecordCodec.decode(RecordCodec.encode(s), Sample.class);
    assertThat(back.name()).isEqualTo("x");
    assertThat(back.count()).isEqualTo(-3);
    assertThat(back.big()).isEqualTo(1L << 40);
    assertThat(back.tags()).isEqualTo(s.tags());
    assertThat(back.sizes()).isEqualTo(s.sizes());
    assertThat(back.values()).isEqualTo(s.values());
    assertThat(back.where()).isEqualTo(s.where());
    assertThat(back.kind()).isEqualTo(AccessPath.Root.GLOBAL);
    assertThat(back.bytes()).containsExactly(1, 2);
  }

  @Test
  void aControlFlowGraphKeepsItsNodesAndEdges() throws CodecException {
    Function f = function();
    Function back = RecordCodec.decode(RecordCodec.encode(f), Function.class);
    assertThat(back.cfg().nodes()).hasSameSizeAs(f.cfg().nodes());
    for (int i = 0; i < f.cfg().nodes().size(); i++) {
      CfgNode a = f.cfg().nodes().get(i);
      CfgNode b = back.cfg().nodes().get(i);
      assertThat(b.stmt()).isEqualTo(a.stmt());
      assertThat(b.successors().stream().map(CfgNode::id).toList())
          .isEqualTo(a.successors().stream().map(CfgNode::id).toList());
    }
    assertThat(back.cfg().entry().id()).isZero();
    assertThat(back.cfg().exit().id()).isEqualTo(1);
    assertThat(RecordCodec.encode(back)).isEqualTo(RecordCodec.encode(f));
  }

  @Test
  void equalSetsEncodeToEqualBytesWhateverTheirOrder() throws CodecException {
    Set<String> one = new HashSet<>(List.of("memory_region_init", "object_unparent", "g_free"));
    Set<String> two = new LinkedHashSet<>();
    List<String> reversed = new ArrayList<>(one);
    Collections.reverse(reversed);
    two.addAll(reversed);
    assertThat(RecordCodec.encode(Set.copyOf(one)))
        .isEqualTo(RecordCodec.encode(new HashSet<>(two)));
  }

  @Test
  void damagedOrForeignBytesFailAsCodecExceptions() throws CodecException {
    byte[] good = RecordCodec.encode(function());
    for (int cut = 0; cut < good.length; cut += 7) {
      byte[] part = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> RecordCodec.decode(part, Function.class))
          .isInstanceOf(CodecException.class);
    }
    byte[] foreign = RecordCodec.encode(List.of("x"));
    assertThatThrownBy(() -> RecordCodec.decode(foreign, Function.class))
        .isInstanceOf(CodecException.class);
    // Only records, enums and plain classes of this tool are taken apart and rebuilt.
    assertThatThrownBy(() -> RecordCodec.encode(Map.entry("a", "b")))
        .isInstanceOf(CodecException.class);
  }

  record Pair(List<String> left, List<String> right) {}

  @Test
  void aSharingEncodingWritesAnObjectMetAgainOnceAndDecodesItAsOne() throws CodecException {
    List<String> shared = new ArrayList<>();
    for (int i = 0; i < 100; i++) shared.add("fact " + i);
    Pair twice = new Pair(shared, shared);
    byte[] plain = RecordCodec.encode(twice);
    byte[] sharing = RecordCodec.encodeSharing(twice, v -> v);
    assertThat(sharing.length).isLessThan(plain.length);
    Pair back = RecordCodec.decode(sharing, Pair.class);
    assertThat(back).isEqualTo(twice);
    assertThat(back.left()).isSameAs(back.right());
    // Equal but distinct objects stay distinct, as they were.
    Pair apart =
        RecordCodec.decode(
            RecordCodec.encodeSharing(new Pair(shared, List.copyOf(shared)), v -> v), Pair.class);
    assertThat(apart.left()).isEqualTo(apart.right()).isNotSameAs(apart.right());
    for (int cut = 0; cut < sharing.length; cut += 5) {
      byte[] part = Arrays.copyOf(sharing, cut);
      assertThatThrownBy(() -> RecordCodec.decode(part, Pair.class))
          .isInstanceOf(CodecException.class);
    }
  }

  record Named(String name) {}

  record Holder(Named first, List<Named> rest) {}

  @Test
  void aStandInWrittenForAnObjectIsResolvedBackWhenRead() throws CodecException {
    Holder h = new Holder(new Named("a"), List.of(new Named("b")));
    byte[] bytes =
        RecordCodec.encode(h, v -> v instanceof Named n ? new Named("ref:" + n.name()) : v);
    Holder back =
        RecordCodec.decode(
            bytes,
            Holder.class,
            v -> v instanceof Named n ? new Named(n.name().replace("ref:", "")) : v);
    assertThat(back).isEqualTo(h);
  }
}
