package dev.mrcheck.bench;

import dev.mrcheck.bench.FilePlan.PlantedBug;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Decides the whole tree up front from one seed: which files, of which kind, in which subsystem,
 * under which names, how many lines each. Sizes follow QEMU's hw/ distribution (log-normal: median
 * ~400 lines, a tail past 3,000), scaled to the requested total.
 */
final class TreePlanner {
  /** include/hw has ~100k lines against ~825k in hw/ .c files; a bit less here. */
  private static final double HEADER_LINE_SHARE = 0.08;

  private static final double HEADER_FILE_SHARE = 0.25;
  private static final int SOURCES_PER_SUBSYSTEM = 60;
  private static final int MAX_SOURCE_LINES = 8000;
  private static final int MAX_HEADER_LINES = 1500;

  /** One PCI device in twelve carries a planted lifetime bug. */
  private static final int BUG_ONE_IN = 12;

  private static final List<String> LOGIC_SUFFIXES =
      List.of("timer", "rx", "tx", "fifo", "ring", "engine", "filter", "crc", "sched", "regs");

  private final TreeSpec spec;
  private final Random random;
  private final Set<String> usedBases = new HashSet<>();

  private TreePlanner(TreeSpec spec) {
    this.spec = spec;
    this.random = new Random(spec.seed());
  }

  static TreePlan plan(TreeSpec spec) {
    return new TreePlanner(spec).plan();
  }

  /** C prefix of a subsystem's shared helpers: {@code pci_host_common}. */
  static String commonPrefix(String subsystem) {
    return subsystem.replace('-', '_') + "_common";
  }

  private static final class Draft {
    FileKind kind;
    DeviceNames names;
    double rawSize;
    int lines;
    boolean headerOwner;
    PlantedBug bug = PlantedBug.NONE;
    Draft device;
    long seed;
  }

  private TreePlan plan() {
    int headers = Math.max(1, (int) Math.round(spec.files() * HEADER_FILE_SHARE));
    int sources = spec.files() - headers;
    int subsystemCount =
        Math.max(
            1,
            Math.min(
                Math.min(headers, sources / 2),
                Math.min(Vocabulary.SUBSYSTEMS.size(), sources / SOURCES_PER_SUBSYSTEM)));
    List<String> subsystems = new ArrayList<>(Vocabulary.SUBSYSTEMS);
    Collections.shuffle(subsystems, random);
    subsystems = subsystems.subList(0, subsystemCount);

    List<Draft> sourceDrafts = new ArrayList<>();
    List<Draft> headerDrafts = new ArrayList<>();
    for (String sub : subsystems) {
      usedBases.add(sub + "-common");
      sourceDrafts.add(draft(FileKind.SUBSYSTEM_COMMON, new DeviceNames(sub, sub + "-common")));
      headerDrafts.add(draft(FileKind.COMMON_HEADER, new DeviceNames(sub, sub + "-common")));
    }
    // The common files count towards the share, so the rest draws a little less often.
    double memoryChance =
        Math.max(
            0,
            Math.min(
                1,
                (spec.memoryApiShare() * sources - subsystemCount)
                    / Math.max(1, sources - subsystemCount)));
    List<Draft> devices = new ArrayList<>();
    while (sourceDrafts.size() < sources) {
      String sub = subsystems.get(random.nextInt(subsystems.size()));
      FileKind kind = drawKind(memoryChance);
      Draft d = draft(kind, new DeviceNames(sub, uniqueBase(kind)));
      if (kind == FileKind.PCI_DEVICE && random.nextInt(BUG_ONE_IN) == 0) {
        d.bug = PlantedBug.values()[1 + random.nextInt(PlantedBug.values().length - 1)];
      }
      if (kind.device) {
        devices.add(d);
      }
      sourceDrafts.add(d);
    }
    Collections.shuffle(devices, random);
    for (Draft device : devices) {
      if (headerDrafts.size() >= headers) {
        break;
      }
      device.headerOwner = true;
      Draft header = draft(FileKind.DEVICE_HEADER, device.names);
      header.device = device;
      headerDrafts.add(header);
    }
    while (headerDrafts.size() < headers) {
      String sub = subsystems.get(random.nextInt(subsystems.size()));
      headerDrafts.add(
          draft(
              FileKind.REGISTER_HEADER,
              new DeviceNames(sub, uniqueBase(FileKind.REGISTER_HEADER))));
    }

    long headerLines = Math.round(spec.lines() * HEADER_LINE_SHARE);
    fitSizes(sourceDrafts, spec.lines() - headerLines, MAX_SOURCE_LINES);
    fitSizes(headerDrafts, headerLines, MAX_HEADER_LINES);

    List<FilePlan> files = new ArrayList<>(spec.files());
    Map<Draft, FilePlan> planOf = new HashMap<>();
    for (Draft d : sourceDrafts) {
      FilePlan plan =
          new FilePlan(
              d.names.sourcePath(), d.kind, d.names, d.lines, d.seed, d.headerOwner, d.bug);
      planOf.put(d, plan);
      files.add(plan);
    }
    Map<String, FilePlan> deviceOfHeader = new HashMap<>();
    for (Draft d : headerDrafts) {
      FilePlan plan =
          new FilePlan(
              d.names.headerPath(), d.kind, d.names, d.lines, d.seed, false, PlantedBug.NONE);
      files.add(plan);
      if (d.device != null) {
        deviceOfHeader.put(plan.path(), planOf.get(d.device));
      }
    }
    return new TreePlan(List.copyOf(files), Map.copyOf(deviceOfHeader));
  }

  private Draft draft(FileKind kind, DeviceNames names) {
    Draft d = new Draft();
    d.kind = kind;
    d.names = names;
    d.seed = random.nextLong();
    d.rawSize = Math.exp(random.nextGaussian() * (kind.isHeader() ? 0.8 : 1.05));
    return d;
  }

  /** Memory-API kinds split 50/30/20; the others are mostly devices without MMIO and logic. */
  private FileKind drawKind(double memoryChance) {
    int roll = random.nextInt(100);
    if (random.nextDouble() < memoryChance) {
      return roll < 50 ? FileKind.SYSBUS_DEVICE : roll < 80 ? FileKind.PCI_DEVICE : FileKind.SOC;
    }
    return roll < 20
        ? FileKind.HELPER_USER_DEVICE
        : roll < 45
            ? FileKind.I2C_DEVICE
            : roll < 80 ? FileKind.EMULATION_LOGIC : FileKind.MIGRATION;
  }

  private String uniqueBase(FileKind kind) {
    String base;
    switch (kind) {
      case I2C_DEVICE:
        base = Vocabulary.pick(random, Vocabulary.SENSORS) + (10 + random.nextInt(990));
        break;
      case SOC:
        base = Vocabulary.pick(random, Vocabulary.VENDORS) + "-soc" + random.nextInt(100);
        break;
      case EMULATION_LOGIC:
        base = vendorBlock() + "-" + LOGIC_SUFFIXES.get(random.nextInt(LOGIC_SUFFIXES.size()));
        break;
      case MIGRATION:
        base = vendorBlock() + "-vmstate";
        break;
      case REGISTER_HEADER:
        base = vendorBlock() + "-regs";
        break;
      default:
        base = vendorBlock();
        break;
    }
    String unique = base;
    for (int k = 2; !usedBases.add(unique); k++) {
      unique = base + "-" + k;
    }
    return unique;
  }

  private String vendorBlock() {
    return Vocabulary.pick(random, Vocabulary.VENDORS)
        + "-"
        + Vocabulary.pick(random, Vocabulary.BLOCKS);
  }

  /**
   * Scales the drafts' raw sizes so that, after clamping to each kind's minimum and the maximum,
   * they add up to {@code total} (bisection on the scale factor; sizes are monotonic in it).
   */
  private static void fitSizes(List<Draft> drafts, long total, int max) {
    double low = 0;
    double high = 1;
    while (sum(drafts, high, max) < total && high < 1e9) {
      high *= 2;
    }
    for (int i = 0; i < 60; i++) {
      double mid = (low + high) / 2;
      if (sum(drafts, mid, max) < total) {
        low = mid;
      } else {
        high = mid;
      }
    }
    for (Draft d : drafts) {
      d.lines = size(d, high, max);
    }
  }

  private static long sum(List<Draft> drafts, double scale, int max) {
    long sum = 0;
    for (Draft d : drafts) {
      sum += size(d, scale, max);
    }
    return sum;
  }

  private static int size(Draft d, double scale, int max) {
    return (int) Math.max(d.kind.minLines, Math.min(max, Math.round(d.rawSize * scale)));
  }
}
