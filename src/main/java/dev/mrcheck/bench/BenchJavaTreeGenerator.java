package dev.mrcheck.bench;

import dev.mrcheck.bench.FilePlan.PlantedBug;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * Generates the Java tree of the speed benchmark: the binding stubs (package {@code api}), one
 * region-helper class per subsystem, device classes over the memory facade and over the FFM
 * bindings, and plain logic classes, under {@code hw/SUB/} as packages {@code hw.SUB}. The same
 * {@link JavaTreeSpec} gives byte-identical files; each file's text depends only on its plan.
 */
public final class BenchJavaTreeGenerator {

  private BenchJavaTreeGenerator() {}

  /** Writes the tree under {@code root} (created if missing; existing files are overwritten). */
  public static JavaTreeSummary generate(Path root, JavaTreeSpec spec) throws IOException {
    long start = System.nanoTime();
    List<JavaFilePlan> plan = JavaTreePlanner.plan(spec);
    TreeSet<Path> dirs = new TreeSet<>();
    for (JavaFilePlan file : plan) {
      dirs.add(root.resolve(file.path()).getParent());
    }
    for (Path dir : dirs) {
      Files.createDirectories(dir);
    }
    ParallelWriter.Written written =
        ParallelWriter.write(root, plan, f -> f.path(), file -> render(file));
    int stubs = 0;
    int helpers = 0;
    int devices = 0;
    int ffm = 0;
    int logic = 0;
    int memory = 0;
    int bugs = 0;
    for (JavaFilePlan file : plan) {
      JavaFileKind kind = file.kind();
      stubs += kind == JavaFileKind.API_STUB ? 1 : 0;
      helpers += kind == JavaFileKind.REGION_HELPER ? 1 : 0;
      devices += kind.device ? 1 : 0;
      ffm += kind.ffm() ? 1 : 0;
      logic += kind == JavaFileKind.LOGIC ? 1 : 0;
      memory += kind.callsMemoryApi ? 1 : 0;
      bugs += file.plantedBug() != PlantedBug.NONE ? 1 : 0;
    }
    return new JavaTreeSummary(
        plan.size(),
        written.lines(),
        written.bytes(),
        stubs,
        helpers,
        devices,
        ffm,
        logic,
        memory,
        bugs,
        (System.nanoTime() - start) / 1_000_000);
  }

  static String render(JavaFilePlan file) {
    switch (file.kind()) {
      case API_STUB:
        return JavaStubs.source(file.className());
      case REGION_HELPER:
      case LOGIC:
        return new JavaSupportTemplate(file).write();
      default:
        return new JavaDeviceTemplate(file).write();
    }
  }
}
