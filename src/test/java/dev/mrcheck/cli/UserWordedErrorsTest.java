package dev.mrcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrcheck.cli.CliRunner.Outcome;
import dev.mrcheck.io.IoMessages;
import dev.mrcheck.io.SourceReader;
import dev.mrcheck.rules.Fingerprint;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input files are refused in the user's words (issue 15): no Java exception names, no {@code
 * Input length = 1}, no Jackson {@code [Source: REDACTED ...]}; and the size limit for source files
 * can be set on the command line or in {@code .mrcheck.yaml}.
 */
class UserWordedErrorsTest {
  @TempDir Path tmp;
  private Path tree;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws IOException {
    tree = Files.createDirectories(tmp.resolve("tree"));
    Files.writeString(tree.resolve("a.c"), "int x;\n");
    cli = new CliRunner(tmp);
  }

  @Test
  void aBaselineOfAnUnknownFormatVersionIsRefused() throws IOException {
    Path baseline =
        Files.writeString(
            tmp.resolve("baseline.json"),
            "{\"formatVersion\": 99, \"fingerprints\": \""
                + Fingerprint.KEY
                + "\", \"findings\": []}");
    Outcome o = cli.run("scan", "--baseline", baseline.toString(), tree.toString());
    assertOneLine(
        o, "baseline " + baseline + " has format version 99, this mrcheck reads version 1");
  }

  @Test
  void jsonSyntaxErrorsSayWhereWithoutJacksonsSourceText() throws IOException {
    Path baseline = Files.writeString(tmp.resolve("baseline.json"), "{\"findings\": [1");
    Outcome o = cli.run("scan", "--baseline", baseline.toString(), tree.toString());
    assertOneLine(o, "baseline " + baseline + " is not valid JSON: line 1, column ");
    assertThat(o.err())
        .contains("start marker at line 1, column 14")
        .doesNotContain("Source", "REDACTED");

    Path db = Files.writeString(tmp.resolve("compile_commands.json"), "[{\"file\": [");
    o = cli.run("scan", "--compile-commands", db.toString(), tree.toString());
    assertOneLine(o, "bad compilation database " + db + ": not valid JSON: line 1, column ");
    assertThat(o.err()).doesNotContain("Source", "REDACTED");
  }

  @Test
  void aConfigThatIsNotUtf8SaysSo() throws IOException {
    Path config = tree.resolve(".mrcheck.yaml");
    Files.write(config, new byte[] {'r', 'u', 'l', 'e', 's', ':', ' ', (byte) 0xff, '\n'});
    Outcome o = cli.run("scan", tree.toString());
    assertOneLine(o, config + " is not valid UTF-8");
    assertThat(o.err()).doesNotContain("Input length");
  }

  @Test
  void theSizeLimitComesFromTheOptionOrTheConfig() throws IOException {
    assertThat(cli.run("scan", tree.toString()).exit()).isZero();
    assertThat(cli.requests.get(0).maxFileSize()).isEqualTo(SourceReader.DEFAULT_MAX_BYTES);
    assertThat(cli.run("scan", "--max-file-size", "64k", tree.toString()).exit()).isZero();
    assertThat(cli.requests.get(1).maxFileSize()).isEqualTo(64 << 10);
    Files.writeString(tree.resolve(".mrcheck.yaml"), "maxFileSize: 32M\n");
    assertThat(cli.run("scan", tree.toString()).exit()).isZero();
    assertThat(cli.requests.get(2).maxFileSize()).isEqualTo(32L << 20);
    assertThat(cli.run("scan", "--max-file-size", "1G", tree.toString()).exit())
        .as("the command line wins")
        .isZero();
    assertThat(cli.requests.get(3).maxFileSize()).isEqualTo(1L << 30);

    assertOneLine(
        cli.run("scan", "--max-file-size", "lots", tree.toString()), "bad --max-file-size 'lots'");
    Files.writeString(tree.resolve(".mrcheck.yaml"), "maxFileSize: 3T\n");
    assertOneLine(cli.run("scan", tree.toString()), ".mrcheck.yaml:1: bad maxFileSize '3T'");
  }

  @Test
  void ioExceptionsBecomeReasons() {
    assertThat(IoMessages.cannot("read", Path.of("link.c"), new NoSuchFileException("./link.c")))
        .isEqualTo("cannot read link.c: no such file");
    assertThat(IoMessages.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
    assertThat(IoMessages.reason(new MalformedInputException(1))).isEqualTo("not valid UTF-8");
    assertThat(IoMessages.describe(new NoSuchFileException("/tmp/x")))
        .isEqualTo("/tmp/x: no such file");
    assertThat(SourceReader.parseSize("16M")).isEqualTo(16L << 20);
    assertThat(SourceReader.parseSize("512KiB")).isEqualTo(512L << 10);
    assertThat(SourceReader.parseSize("1000")).isEqualTo(1000L);
    assertThat(SourceReader.parseSize("-1")).isNull();
    assertThat(SourceReader.size(3L << 30)).isEqualTo("3 GiB");
    assertThat(SourceReader.size(1536)).isEqualTo("1.5 KiB");
  }

  private static void assertOneLine(Outcome o, String expected) {
    assertThat(o.exit()).as(o.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).startsWith("mrcheck: ").contains(expected);
    assertThat(o.err().lines()).as(o.err()).hasSize(1);
    assertThat(o.err()).doesNotContain("Exception", "\tat ");
  }
}
