package dev.mrcheck.frontend.java;

import dev.mrcheck.frontend.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: prints the IR of testdata files, e.g. {@code java -cp <test classpath>
 * dev.mrcheck.frontend.java.DumpTestdata ffm/FfmUnparentMapped.java}.
 */
final class DumpTestdata {
  public static void main(String[] args) throws Exception {
    Path root = Path.of("testdata/java");
    JavaFrontend fe = new JavaFrontend(List.of(root));
    for (String a : args) {
      Path p = root.resolve(a);
      System.out.println(
          IrText.unit(fe.parse(new SourceFile(p.toAbsolutePath(), a, Files.readString(p)))));
    }
  }
}
