package dev.mrcheck.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLoaderTest {
  @TempDir Path dir;

  @Test
  void userFilesComeAfterBundledOnesAndLaterFilesWin() throws Exception {
    Path first =
        write(
            "first.mrm",
            """
        function memory_region_init_io(mr, owner, ops, opaque, name, size) { init(mr, owner = NULL, kind = io); }
        function my_helper(s) { unparent(s.mmio); }
        class PCIDeviceClass { exit = instance_finalize; }
        type TYPE_SYS_BUS_DEVICE { hotpluggable = true; }
        """);
    Path second =
        write(
            "second.mrm",
            """
        function my_helper(s) { free(s); }
        class PCIDeviceClass { exit = unrealize; }
        """);
    BoundModel model = ModelLoader.load(List.of(first, second));

    assertThat(model.function("memory_region_init_io").orElseThrow().effects())
        .containsExactly(new Operation.Init<>(new Operand.Arg(0, null), null, RegionKind.IO, null));
    assertThat(model.function("memory_region_init_io").orElseThrow().definedAt().file())
        .isEqualTo(first.toString());
    assertThat(model.function("my_helper").orElseThrow().effects())
        .containsExactly(new Operation.Free<>(new Operand.Arg(0, null), false, false));
    assertThat(model.classHook("PCIDeviceClass", "exit")).contains(Role.UNREALIZE);
    assertThat(model.classHook("PCIDeviceClass", "realize"))
        .as("other fields of the class stay")
        .contains(Role.REALIZE);
    assertThat(model.hotpluggable("TYPE_SYS_BUS_DEVICE")).contains(true);
    assertThat(model.function("memory_region_add_subregion"))
        .as("bundled functions stay")
        .isPresent();
    assertThat(ModelLoader.bundled().hotpluggable("TYPE_SYS_BUS_DEVICE"))
        .as("bundled model untouched")
        .contains(false);
  }

  @Test
  void noUserFilesIsTheBundledModel() throws ModelException {
    assertThat(ModelLoader.load(List.of()).functionNames())
        .isEqualTo(ModelLoader.bundled().functionNames());
  }

  @Test
  void missingFileIsOneClearLine() {
    Path missing = dir.resolve("nope.mrm");
    assertThatThrownBy(() -> ModelLoader.load(List.of(missing)))
        .isInstanceOf(ModelException.class)
        .hasMessage(missing + ": model file not found");
  }

  @Test
  void directoryIsRejected() {
    assertThatThrownBy(() -> ModelLoader.load(List.of(dir)))
        .isInstanceOf(ModelException.class)
        .hasMessage(dir + ": is a directory, not a model file");
  }

  @Test
  void invalidUtf8IsRejected() throws IOException {
    Path bad = dir.resolve("bad.mrm");
    Files.write(bad, new byte[] {'#', ' ', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> ModelLoader.load(List.of(bad)))
        .hasMessage(bad + ": model file is not valid UTF-8");
  }

  @Test
  void errorsOfSeveralFilesAreReportedTogether() throws IOException {
    Path a = write("a.mrm", "function f(x) { ref(y); }\n");
    Path b = write("b.mrm", "\nclass C { realize = realise; }\n");
    assertThatThrownBy(() -> ModelLoader.load(List.of(a, b)))
        .isInstanceOf(ModelException.class)
        .satisfies(
            e ->
                assertThat(((ModelException) e).errors())
                    .extracting(ModelError::toString)
                    .containsExactly(
                        a
                            + ":1:21: unknown parameter 'y' in f(x); for a region outside every device write 'global y'",
                        b
                            + ":2:21: unknown role 'realise'; did you mean 'realize'? "
                            + "(roles: class_init, instance_init, realize, unrealize, instance_finalize)"));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
