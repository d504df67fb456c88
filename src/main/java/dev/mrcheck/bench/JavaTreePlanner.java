package dev.mrcheck.bench;

import dev.mrcheck.bench.FilePlan.PlantedBug;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Decides the whole Java tree up front from one seed: the stubs, one region helper per subsystem,
 * then device and logic classes in the proportions below, each with a log-normal size (median about
 * 200 lines, a tail past 1,500) and, for one PCI device in twelve, a planted bug.
 */
final class JavaTreePlanner {
  private static final int CLASSES_PER_SUBSYSTEM = 60;
  private static final int MEDIAN_LINES = 200;
  private static final int MAX_LINES = 3000;

  /** As in the C tree: one PCI device in twelve carries a planted lifetime bug. */
  private static final int BUG_ONE_IN = 12;

  private static final List<String> LOGIC_SUFFIXES =
      List.of(
          "Fifo", "Crc", "Timer", "Ring", "Engine", "Filter", "Sched", "Decoder", "Counter",
          "Queue");

  private final JavaTreeSpec spec;
  private final Random random;
  private final Set<String> usedNames = new HashSet<>();

  private JavaTreePlanner(JavaTreeSpec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed() * 31 + 0x4A415641L);
  }

  static List<JavaFilePlan> plan(JavaTreeSpec spec) {
    return new JavaTreePlanner(spec).plan();
  }

  private List<JavaFilePlan> plan() {
    List<JavaFilePlan> files = new ArrayList<>(spec.classes());
    for (String stub : JavaStubs.names()) {
      usedNames.add(stub);
      files.add(
          new JavaFilePlan(
              JavaStubs.PACKAGE, stub, stub, JavaFileKind.API_STUB, null, 0, 0, PlantedBug.NONE));
    }
    int rest = spec.classes() - files.size();
    int subsystemCount =
        Math.max(1, Math.min(Vocabulary.SUBSYSTEMS.size(), rest / CLASSES_PER_SUBSYSTEM));
    List<String> subsystems = new ArrayList<>(Vocabulary.SUBSYSTEMS);
    Collections.shuffle(subsystems, random);
    subsystems = subsystems.subList(0, subsystemCount);
    for (String sub : subsystems) {
      String helper = helperClass(sub);
      usedNames.add(helper);
      files.add(
          new JavaFilePlan(
              packageOf(sub),
              helper,
              sub + "-regions",
              JavaFileKind.REGION_HELPER,
              helper,
              lines(JavaFileKind.REGION_HELPER),
              random.nextLong(),
              PlantedBug.NONE));
    }
    while (files.size() < spec.classes()) {
      String sub = subsystems.get(random.nextInt(subsystems.size()));
      JavaFileKind kind = drawKind();
      String base =
          Vocabulary.pick(random, Vocabulary.VENDORS)
              + "-"
              + Vocabulary.pick(random, Vocabulary.BLOCKS);
      String className =
          uniqueClass(
              camel(base)
                  + (kind == JavaFileKind.LOGIC ? Vocabulary.pick(random, LOGIC_SUFFIXES) : ""));
      PlantedBug bug = PlantedBug.NONE;
      if (kind.pci && random.nextInt(BUG_ONE_IN) == 0) {
        bug = PlantedBug.values()[1 + random.nextInt(PlantedBug.values().length - 1)];
      }
      files.add(
          new JavaFilePlan(
              packageOf(sub),
              className,
              className.toLowerCase(Locale.ROOT),
              kind,
              helperClass(sub),
              lines(kind),
              random.nextLong(),
              bug));
    }
    return List.copyOf(files);
  }

  /** 45 % PCI, 25 % sysbus, 10 % devices without MMIO, 20 % logic; FFM for two in five. */
  private JavaFileKind drawKind() {
    int roll = random.nextInt(100);
    boolean ffm = random.nextInt(5) < 2;
    if (roll < 45) {
      return ffm ? JavaFileKind.FFM_PCI : JavaFileKind.FACADE_PCI;
    }
    if (roll < 70) {
      return ffm ? JavaFileKind.FFM_SYSBUS : JavaFileKind.FACADE_SYSBUS;
    }
    return roll < 80 ? JavaFileKind.PLAIN_DEVICE : JavaFileKind.LOGIC;
  }

  private int lines(JavaFileKind kind) {
    double raw = MEDIAN_LINES * Math.exp(random.nextGaussian() * 0.8);
    if (kind == JavaFileKind.LOGIC || kind == JavaFileKind.REGION_HELPER) {
      raw *= 0.6;
    }
    return (int) Math.max(kind.minLines, Math.min(MAX_LINES, Math.round(raw)));
  }

  private String uniqueClass(String base) {
    String unique = base;
    for (int k = 2; !usedNames.add(unique); k++) {
      unique = base + k;
    }
    return unique;
  }

  static String helperClass(String subsystem) {
    return camel(subsystem) + "Regions";
  }

  /**
   * {@code pci-host} lives in {@code hw.pci_host}; a keyword such as {@code char} gets a suffix.
   */
  static String packageOf(String subsystem) {
    String name = subsystem.replace('-', '_');
    return "hw." + (SourceVersion.isKeyword(name) ? name + "dev" : name);
  }

  static String camel(String dashed) {
    StringBuilder out = new StringBuilder();
    for (String part : dashed.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }
}
