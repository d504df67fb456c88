package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.ir.SourceLoc;
import dev.mrcheck.selftest.ListShrinker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Printing random function models and parsing the text back gives the same bindings. Each function
 * is drawn from its own seed (a fixed range); a failure names the seed and prints the function with
 * its effects shrunk to the fewest that still fail.
 */
class ModelRoundTripTest {
  private static final long SEED = 20261208;
  private static final List<String> NAMES =
      List.of(
          "mr",
          "owner",
          "self",
          "type",
          "class",
          "global",
          "function",
          "dev",
          "s",
          "as",
          "_iommu_mr");
  private static final List<String> FIELDS = List.of("mr", "mmio", "bars.mem", "owner");
  private static final List<String> FUNCTION_NAMES =
      List.of("f", "memory_region_x", "MemoryRegion.addSubregion", "A.b.c");
  private static final List<String> GLOBALS = List.of("system_memory", "pci_bar", "type");
  private static final int EFFECT_KINDS = 16;

  static Stream<Long> seeds() {
    return LongStream.range(SEED, SEED + 200).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void printedFunctionParsesToTheSameModel(long seed) {
    FunctionModel function = function(new Random(seed));
    if (!ListShrinker.throwsOn(ModelRoundTripTest::roundTrips, function)) return;
    List<Operation<Operand>> fewest =
        ListShrinker.shrink(
            function.effects(),
            effects ->
                ListShrinker.throwsOn(ModelRoundTripTest::roundTrips, with(function, effects)));
    FunctionModel shrunk = with(function, fewest);
    try {
      roundTrips(shrunk);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          "seed " + seed + ", shrunk to:\n" + ModelPrinter.print(shrunk) + "\n" + e, e);
    }
  }

  private static void roundTrips(FunctionModel function) {
    FunctionModel reparsed;
    try {
      reparsed = ModelLoader.parse("p.mrm", ModelPrinter.print(function)).functions().get(0);
    } catch (ModelException e) {
      throw new AssertionError("printed model does not parse: " + e.getMessage(), e);
    }
    assertThat(reparsed.name()).isEqualTo(function.name());
    assertThat(reparsed.params()).isEqualTo(function.params());
    assertThat(reparsed.effects()).isEqualTo(function.effects());
  }

  private static FunctionModel with(FunctionModel f, List<Operation<Operand>> effects) {
    return new FunctionModel(f.name(), f.params(), effects, f.definedAt());
  }

  private static FunctionModel function(Random r) {
    String name = pick(r, FUNCTION_NAMES);
    List<String> shuffled = new ArrayList<>(NAMES);
    java.util.Collections.shuffle(shuffled, r);
    List<String> params = List.copyOf(shuffled.subList(0, r.nextInt(7)));
    List<Operation<Operand>> effects = new ArrayList<>();
    for (int n = r.nextInt(6); n > 0; n--) effects.add(effect(r, params));
    return new FunctionModel(name, params, effects, SourceLoc.of("p.mrm", 1, 1));
  }

  private static Operation<Operand> effect(Random r, List<String> params) {
    return switch (r.nextInt(EFFECT_KINDS)) {
      case 0 -> {
        List<RegionKind> plain =
            Arrays.stream(RegionKind.values()).filter(k -> k != RegionKind.ALIAS).toList();
        yield new Operation.Init<>(operand(r, params), orNull(r, params), pick(r, plain), null);
      }
      case 1 ->
          new Operation.Init<>(
              operand(r, params), orNull(r, params), RegionKind.ALIAS, operand(r, params));
      case 2 ->
          new Operation.Map<>(
              operand(r, params),
              operand(r, params),
              r.nextBoolean() ? null : pick(r, List.of(Role.values())));
      case 3 -> new Operation.Unmap<>(operand(r, params), orNull(r, params));
      case 4 -> new Operation.Ref<>(operand(r, params), r.nextBoolean());
      case 5 -> new Operation.Unref<>(operand(r, params));
      case 6 -> new Operation.Unparent<>(operand(r, params));
      case 7 -> new Operation.Free<>(operand(r, params), r.nextBoolean(), false);
      case 8 -> new Operation.AddressSpaceInit<>(operand(r, params), operand(r, params));
      case 9 -> new Operation.AddressSpaceDestroy<>(operand(r, params), r.nextBoolean());
      case 10 -> new Operation.AddressSpaceMap<>(operand(r, params), operand(r, params), null);
      case 11 -> new Operation.AddressSpaceUnmap<>(operand(r, params));
      case 12 -> new Operation.Find<>(operand(r, params));
      case 13 -> new Operation.Returns<>(operand(r, params));
      case 14 -> new Operation.Registers<>(operand(r, params), operand(r, params));
      default -> new Operation.TestsMapped<>(operand(r, params));
    };
  }

  private static Operand orNull(Random r, List<String> params) {
    return r.nextBoolean() ? null : operand(r, params);
  }

  private static Operand operand(Random r, List<String> params) {
    String field = r.nextBoolean() ? null : pick(r, FIELDS);
    return switch (r.nextInt(params.isEmpty() ? 2 : 3)) {
      case 0 -> new Operand.Result(field);
      case 1 -> new Operand.Global(pick(r, GLOBALS));
      default -> new Operand.Arg(r.nextInt(params.size()), field);
    };
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }
}
