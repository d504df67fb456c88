package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The printer writes the bundled model in a form that parses back to the same bindings. */
class ModelPrinterTest {
  @Test
  void printedBundledModelParsesToTheSameModel() throws ModelException {
    BoundModel bundled = ModelLoader.bundled();
    BoundModel reparsed =
        BoundModel.of(List.of(ModelLoader.parse("dump.mrm", ModelPrinter.print(bundled))));
    assertThat(reparsed.functions()).hasSameSizeAs(bundled.functions());
    for (FunctionModel f : bundled.functions()) {
      FunctionModel g = reparsed.function(f.name()).orElseThrow();
      assertThat(g.params()).isEqualTo(f.params());
      assertThat(g.effects()).as(f.name()).isEqualTo(f.effects());
    }
    for (ClassHook hook : bundled.classHooks()) {
      assertThat(reparsed.classHook(hook.classType(), hook.field())).contains(hook.role());
    }
    for (HookSetterModel setter : bundled.hookSetters()) {
      assertThat(reparsed.hookSetter(setter.name())).contains(setter.setter());
    }
    for (TypeFact type : bundled.types()) {
      assertThat(reparsed.hotpluggable(type.typeName())).contains(type.hotpluggable());
    }
  }

  @Test
  void printsEffectsAsTheyAreWritten() {
    List<String> params = List.of("dev", "n", "type", "mr");
    assertThat(
            ModelPrinter.print(
                new Operation.Map<>(
                    new Operand.Arg(3, null), new Operand.Global("pci_bar"), Role.UNREALIZE),
                params))
        .isEqualTo("map(mr, into = global pci_bar, undone_before = unrealize)");
    assertThat(
            ModelPrinter.print(
                new Operation.Init<>(new Operand.Result("x"), null, RegionKind.ROM_DEVICE, null),
                params))
        .isEqualTo("init(return.x, owner = NULL, kind = rom_device)");
  }
}
