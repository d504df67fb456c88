package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/model-language.md (fenced as {@code ```mrm}) are valid model files. */
class ModelDocExamplesTest {
  private static final Pattern MRM_BLOCK = Pattern.compile("```mrm\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyModelExampleBinds() throws Exception {
    String doc = Files.readString(Path.of("docs/model-language.md"));
    List<ModelFile> examples = new ArrayList<>();
    Matcher block = MRM_BLOCK.matcher(doc);
    while (block.find()) {
      examples.add(
          ModelLoader.parse("docs/model-language.md#" + (examples.size() + 1), block.group(1)));
    }
    assertThat(examples).hasSize(2);
    BoundModel model = BoundModel.of(examples);
    assertThat(model.function("foo_window_attach").orElseThrow().effects())
        .containsExactly(
            new Operation.Map<>(new Operand.Arg(1, "mr"), new Operand.Global("foo_bus"), null));
    assertThat(model.classHook("FooDeviceClass", "remove")).contains(Role.UNREALIZE);
  }
}
