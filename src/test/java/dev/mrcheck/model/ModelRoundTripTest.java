package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Printing random function models and parsing the text back gives the same bindings. */
class ModelRoundTripTest {
  private static final List<String> NAMES =
      List.of("mr", "owner", "self", "type", "class", "global", "function", "dev", "s", "as", "_iommu_mr");
  private static final List<String> FIELDS = List.of("mr", "mmio", "bars.mem", "owner");

  @Property(tries = 200)
  void printedFunctionParsesToTheSameModel(@ForAll("functions") FunctionModel function) throws ModelException {
    FunctionModel reparsed = ModelLoader.parse("p.mrm", ModelPrinter.print(function)).functions().get(0);
    assertThat(reparsed.name()).isEqualTo(function.name());
    assertThat(reparsed.params()).isEqualTo(function.params());
    assertThat(reparsed.effects()).isEqualTo(function.effects());
  }

  @Provide
  Arbitrary<FunctionModel> functions() {
    Arbitrary<String> name = Arbitraries.of("f", "memory_region_x", "MemoryRegion.addSubregion", "A.b.c");
    Arbitrary<List<String>> params = Arbitraries.of(NAMES).list().uniqueElements().ofMinSize(0).ofMaxSize(6);
    return Combinators.combine(name, params).flatAs((n, p) ->
        effect(p).list().ofMaxSize(5).map(effects -> new FunctionModel(n, p, effects, SourceLoc.of("p.mrm", 1, 1))));
  }

  private static Arbitrary<Effect> effect(List<String> params) {
    Arbitrary<Operand> op = operand(params);
    Arbitrary<Operand> owner = Arbitraries.oneOf(op, Arbitraries.just(null));
    Arbitrary<Role> role = Arbitraries.oneOf(Arbitraries.of(Role.class), Arbitraries.just(null));
    Arbitrary<RegionKind> plainKind = Arbitraries.of(RegionKind.class).filter(k -> k != RegionKind.ALIAS);
    return Arbitraries.oneOf(
        Combinators.combine(op, owner, plainKind).as((r, o, k) -> new Effect.Init(r, o, k, null)),
        Combinators.combine(op, owner, op).as((r, o, t) -> new Effect.Init(r, o, RegionKind.ALIAS, t)),
        Combinators.combine(op, op, role).as(Effect.Map::new),
        Combinators.combine(op, Arbitraries.oneOf(op, Arbitraries.just(null))).as(Effect.Unmap::new),
        Combinators.combine(op, Arbitraries.of(true, false)).as(Effect.Ref::new),
        op.map(Effect.Unref::new),
        op.map(Effect.Unparent::new),
        Combinators.combine(op, Arbitraries.of(true, false)).as(Effect.Free::new),
        Combinators.combine(op, op).as(Effect.AddressSpaceInit::new),
        Combinators.combine(op, Arbitraries.of(true, false)).as(Effect.AddressSpaceDestroy::new),
        Combinators.combine(op, op).as(Effect.AddressSpaceMap::new),
        op.map(Effect.AddressSpaceUnmap::new),
        op.map(Effect.Find::new),
        op.map(Effect.Returns::new),
        Combinators.combine(op, op).as(Effect.Registers::new),
        op.map(Effect.TestsMapped::new));
  }

  private static Arbitrary<Operand> operand(List<String> params) {
    Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.just(null));
    Arbitrary<Operand> result = field.map(Operand.Result::new);
    Arbitrary<Operand> global = Arbitraries.of("system_memory", "pci_bar", "type").map(Operand.Global::new);
    if (params.isEmpty()) {
      return Arbitraries.oneOf(result, global);
    }
    Arbitrary<Operand> arg =
        Combinators.combine(Arbitraries.integers().between(0, params.size() - 1), field).as(Operand.Arg::new);
    return Arbitraries.oneOf(arg, result, global);
  }
}
