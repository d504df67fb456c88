package dev.mrcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * Generates a QEMU-sized tree of device code in QEMU's idioms (hw/SUB/*.c, include/hw/SUB/*.h) for
 * the speed benchmark. The same {@link TreeSpec} gives byte-identical files: every file's text
 * depends only on its own plan, so files are written in parallel.
 */
public final class BenchTreeGenerator {

  private BenchTreeGenerator() {}

  /** Writes the tree under {@code root} (created if missing; existing files are overwritten). */
  public static TreeSummary generate(Path root, TreeSpec spec) throws IOException {
    long start = System.nanoTime();
    TreePlan plan = TreePlanner.plan(spec);
    TreeSet<Path> dirs = new TreeSet<>();
    for (FilePlan file : plan.files()) {
      dirs.add(root.resolve(file.path()).getParent());
    }
    for (Path dir : dirs) {
      Files.createDirectories(dir);
    }
    ParallelWriter.Written written =
        ParallelWriter.write(root, plan.files(), f -> f.path(), file -> render(file, plan));
    int sources = 0;
    int memory = 0;
    int helperOnly = 0;
    int bugs = 0;
    for (FilePlan file : plan.files()) {
      if (!file.kind().isHeader()) {
        sources++;
      }
      if (file.kind().callsMemoryApi) {
        memory++;
      }
      if (file.kind() == FileKind.HELPER_USER_DEVICE) {
        helperOnly++;
      }
      if (file.plantedBug() != FilePlan.PlantedBug.NONE) {
        bugs++;
      }
    }
    return new TreeSummary(
        plan.files().size(),
        sources,
        plan.files().size() - sources,
        written.lines(),
        written.bytes(),
        memory,
        helperOnly,
        bugs,
        (System.nanoTime() - start) / 1_000_000);
  }

  static String render(FilePlan file, TreePlan plan) {
    switch (file.kind()) {
      case SYSBUS_DEVICE:
      case PCI_DEVICE:
      case HELPER_USER_DEVICE:
      case I2C_DEVICE:
        return new DeviceSourceTemplate(file).write();
      case SOC:
        return new SocTemplate(file).write();
      case SUBSYSTEM_COMMON:
        return new CommonHelpersTemplate(file).write();
      case EMULATION_LOGIC:
        return new LogicFileTemplate(file).write();
      case MIGRATION:
        return new MigrationTemplate(file).write();
      default:
        return new HeaderTemplate(file, plan.deviceOfHeader().get(file.path())).write();
    }
  }
}
