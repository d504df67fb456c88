package dev.mrcheck.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's output shape on a tiny tree; its figures are not checked (no timed tests). */
class LspBenchmarkTest {
  private static final String DEVICE =
      String.join(
          "\n",
          "static void blink_realize(DeviceState *dev, Error **errp)",
          "{",
          "    BlinkState *s = BLINK(dev);",
          "",
          "    memory_region_init_io(&s->iomem, OBJECT(s), &blink_ops, s, \"blink\", 0x100);",
          "",
          "    sysbus_init_mmio(SYS_BUS_DEVICE(dev), &s->iomem);",
          "}",
          "");

  @Test
  void printsIndexOpenAndEditFigures(@TempDir Path tree) throws Exception {
    Files.writeString(tree.resolve("blink.c"), DEVICE);
    Files.writeString(tree.resolve("other.c"), "int other(void)\n{\n    return 0;\n}\n");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LspBenchmark.Figures figures =
        LspBenchmark.run(
            new LspBenchmark.Options(tree, null, 2, 20),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("edited file blink.c (8 lines), a line added and removed at line 6");
    assertThat(out)
        .containsPattern("index +\\d+ ms \\(target 10000\\), \\d+ ms cpu, heap after GC");
    assertThat(out).containsPattern("open +\\d+ ms");
    assertThat(out).containsPattern("edits +2: median \\d+ ms, p90 \\d+ ms");
    assertThat(out).contains("parsed 1 file");
    assertThat(figures.editMillis()).hasSize(2);
  }

  @Test
  void editsAtABlankLineFromTheMiddleOn() {
    assertThat(LspBenchmark.blankLineNearMiddle("a\nb\nc\n\nd\n\ne")).isEqualTo(3);
    assertThat(LspBenchmark.blankLineNearMiddle("a\nb")).isEqualTo(1);
  }
}
