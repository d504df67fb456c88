package dev.mrcheck.bench;

import dev.mrcheck.bench.FilePlan.PlantedBug;
import java.util.Random;

/**
 * Writes one device class of the Java tree. Facade devices override the qdev lifecycle methods and
 * call {@code MemoryRegion.io(...)}, {@code busMemory().addSubregion(...)}; FFM devices keep their
 * regions in a jextract-style state record and call the C functions through {@code memory_h},
 * either from overrides or from annotated static hooks. Every pattern used outside a planted bug is
 * one the rules must accept (regions deleted before unparent, references dropped at exit, address
 * spaces destroyed at exit, BARs left to the PCI core).
 */
final class JavaDeviceTemplate {
  private static final long BUS_BASE = 0xfe000000L;

  private final JavaFilePlan plan;
  private final Random random;
  private final RegisterBank registers;
  private final String name;
  private final PlantedBug bug;
  // What this device does with memory, decided once from its seed.
  private final boolean window;
  private final boolean windowViaHelper;
  private final boolean dma;
  private final boolean balancedRef;
  private final boolean container;
  private final boolean staticHooks;
  private final int opsStyle;

  JavaDeviceTemplate(JavaFilePlan plan) {
    this.plan = plan;
    this.random = new Random(plan.seed());
    this.name = plan.className();
    this.bug = plan.plantedBug();
    int count = (int) Math.max(2, Math.min(200, plan.targetLines() * 0.3 / 5));
    this.registers = RegisterBank.random(random, count);
    boolean pci = plan.kind().pci;
    this.window = bug == PlantedBug.UNPARENT_WHILE_MAPPED || pci && random.nextInt(3) == 0;
    this.windowViaHelper =
        window && bug != PlantedBug.UNPARENT_WHILE_MAPPED && random.nextInt(3) == 0;
    this.dma = pci && random.nextInt(4) == 0;
    this.balancedRef = bug != PlantedBug.REF_WITHOUT_UNREF && random.nextInt(6) == 0;
    this.container = !pci && random.nextInt(3) == 0;
    this.staticHooks = plan.kind().ffm() && (!pci || random.nextBoolean());
    this.opsStyle = random.nextInt(3);
  }

  String write() {
    CWriter head = new CWriter();
    head.line("package " + plan.pkg() + ";");
    head.blank();
    imports(head);
    head.line("/** " + plan.regionName() + ": generated " + describe() + " for mrcheck bench. */");
    head.open("public final class " + name + " extends " + parent() + " {");
    JavaLogicMethods.writeConstants(head, registers);
    fields(head);

    CWriter tail = new CWriter(1);
    switch (plan.kind()) {
      case FACADE_PCI:
        facadePci(tail);
        break;
      case FACADE_SYSBUS:
        facadeSysbus(tail);
        break;
      case FFM_PCI:
        if (staticHooks) {
          ffmStaticPci(tail);
        } else {
          ffmOverridePci(tail);
        }
        break;
      case FFM_SYSBUS:
        ffmSysbus(tail);
        break;
      default:
        plainDevice(tail);
        break;
    }
    JavaLogicMethods.writeRead(tail, registers, "mmioRead");
    JavaLogicMethods.writeWrite(tail, registers, "mmioWrite");
    tail.close();

    CWriter logic = new CWriter(1);
    new JavaLogicMethods(random, registers)
        .fill(logic, plan.targetLines() - head.lines() - tail.lines());
    return head.append(logic).append(tail).text();
  }

  private String describe() {
    switch (plan.kind()) {
      case FACADE_PCI:
        return "PCI function over the memory facade";
      case FACADE_SYSBUS:
        return "sysbus device over the memory facade";
      case FFM_PCI:
        return "PCI function over the FFM bindings";
      case FFM_SYSBUS:
        return "sysbus device over the FFM bindings";
      default:
        return "device without MMIO";
    }
  }

  private String parent() {
    return plan.kind().pci
        ? "PCIDevice"
        : plan.kind() == JavaFileKind.PLAIN_DEVICE ? "DeviceState" : "SysBusDevice";
  }

  private void imports(CWriter w) {
    boolean ffm = plan.kind().ffm();
    String[] candidates = {
      "AddressSpace",
      "DeviceState",
      "InstanceInit",
      "MemoryRegion",
      "MemoryRegionOps",
      "PCIDevice",
      "Realize",
      "Strings",
      "SysBusDevice",
      "Unrealize",
      "memory_h",
      "pci_h",
      "qom_h"
    };
    for (String c : candidates) {
      boolean use;
      switch (c) {
        case "AddressSpace":
          use = !ffm && dma;
          break;
        case "MemoryRegion":
          use = !ffm && plan.kind().callsMemoryApi;
          break;
        case "MemoryRegionOps":
          use = !ffm && plan.kind().callsMemoryApi && opsStyle == 1;
          break;
        case "InstanceInit":
          use = plan.kind() == JavaFileKind.FFM_SYSBUS;
          break;
        case "Realize":
          use = staticHooks;
          break;
        case "Unrealize":
          use = staticHooks && plan.kind().pci;
          break;
        case "Strings":
        case "memory_h":
        case "qom_h":
          use = ffm;
          break;
        case "pci_h":
          use = ffm && plan.kind().pci;
          break;
        default:
          use = c.equals(parent());
          break;
      }
      if (use) {
        w.line("import api." + c + ";");
      }
    }
    if (ffm) {
      w.line("import java.lang.foreign.MemorySegment;");
    }
    w.blank();
  }

  private void fields(CWriter w) {
    JavaLogicMethods.writeFields(w);
    if (plan.kind().ffm()) {
      String state = name + "State";
      StringBuilder components = new StringBuilder("MemorySegment parent, MemorySegment mmio");
      segmentName(w, "MMIO", "mmio");
      if (container) {
        components.append(", MemorySegment root");
        segmentName(w, "ROOT", "root");
      }
      if (window) {
        components.append(", MemorySegment ram, MemorySegment window");
        segmentName(w, "RAM", "ram");
        segmentName(w, "WINDOW", "window");
      }
      if (dma) {
        components.append(", MemorySegment dmaRoot, MemorySegment dma");
        segmentName(w, "DMA_ROOT", "dma-root");
        segmentName(w, "DMA", "dma");
      }
      if (bug == PlantedBug.OWNERLESS_FREE) {
        components.append(", MemorySegment scratch");
        segmentName(w, "SCRATCH", "scratch");
      }
      w.blank();
      w.line("/** jextract-style view of the C state struct. */");
      w.line("record " + state + "(" + components + ") {}");
      w.blank();
      if (staticHooks) {
        w.line("/** Generated QOM cast checker. */");
        w.line("static native " + state + " " + castMacro() + "(MemorySegment obj);");
      } else {
        w.line("private final " + state + " s;");
        w.blank();
        w.open(name + "(" + state + " s) {");
        w.line("this.s = s;");
        w.close();
      }
      w.blank();
      return;
    }
    if (plan.kind().callsMemoryApi) {
      w.line("private MemoryRegion mmio;");
      if (container) {
        w.line("private MemoryRegion container;");
      }
      if (window) {
        w.line("private MemoryRegion ram;");
        w.line("private MemoryRegion window;");
      }
      if (dma) {
        w.line("private MemoryRegion dmaRoot;");
        w.line("private AddressSpace dma;");
      }
      if (bug == PlantedBug.OWNERLESS_FREE) {
        w.line("private MemoryRegion scratch;");
      }
    }
    w.blank();
  }

  private void segmentName(CWriter w, String constant, String suffix) {
    w.line(
        "private static final MemorySegment "
            + constant
            + "_NAME = Strings.cstring(\""
            + plan.regionName()
            + "-"
            + suffix
            + "\");");
  }

  private String castMacro() {
    return plan.regionName().toUpperCase(java.util.Locale.ROOT);
  }

  private String prefix() {
    return plan.regionName();
  }

  private String mmioSize() {
    return "0x" + Integer.toHexString(registers.windowSize());
  }

  private String busAddress() {
    return "0x" + Long.toHexString(BUS_BASE + 0x10000L * random.nextInt(256)) + "L";
  }

  // ---- Facade ----

  private void facadePci(CWriter w) {
    w.line("@Override");
    w.open("protected void realize() {");
    createIo(w, "mmio", "this", "mmio");
    if (balancedRef || bug == PlantedBug.REF_WITHOUT_UNREF) {
      if (bug == PlantedBug.REF_WITHOUT_UNREF) {
        w.line("// Planted MR001: the reference is never dropped at exit.");
      }
      w.line("mmio.ref();");
    }
    w.line("registerBar(0, BAR_SPACE_MEMORY, mmio);");
    if (window) {
      w.line("ram = MemoryRegion.ram(this, \"" + prefix() + "-ram\", 0x10000);");
      w.line("window = MemoryRegion.alias(this, \"" + prefix() + "-window\", ram, 0, 0x1000);");
      if (windowViaHelper) {
        w.line(plan.helperClass() + ".mapWindow(busMemory(), " + busAddress() + ", window);");
      } else {
        w.line("busMemory().addSubregion(" + busAddress() + ", window);");
      }
    }
    if (dma) {
      w.line("dmaRoot = MemoryRegion.container(this, \"" + prefix() + "-dma-root\", 1L << 32);");
      w.line("dma = AddressSpace.create(dmaRoot, \"" + prefix() + "-dma\");");
    }
    if (bug == PlantedBug.OWNERLESS_FREE) {
      w.line(
          "scratch = MemoryRegion.io(null, this::mmioRead, \"" + prefix() + "-scratch\", 0x100);");
    }
    w.line("reset();");
    w.close();
    w.blank();
    w.line("@Override");
    w.open("protected void exit() {");
    if (balancedRef) {
      w.line("mmio.unref();");
    }
    if (window) {
      if (bug == PlantedBug.UNPARENT_WHILE_MAPPED) {
        w.line("// Planted MR002: the window is still mapped in the bus.");
        w.line("window.unparent();");
      } else if (windowViaHelper) {
        w.line(plan.helperClass() + ".dropWindow(busMemory(), window);");
      } else {
        w.line("busMemory().delSubregion(window);");
        w.line("window.unparent();");
      }
    }
    if (dma) {
      w.line("dma.destroy();");
    }
    if (bug == PlantedBug.OWNERLESS_FREE) {
      w.line("// Planted MR003: nothing owns the scratch region.");
      w.line("scratch.unparent();");
    }
    w.line("irqLevel = 0;");
    w.close();
    w.blank();
    reset(w);
  }

  private void facadeSysbus(CWriter w) {
    boolean inInit = container || random.nextBoolean();
    if (inInit) {
      w.line("@Override");
      w.open("protected void instanceInit() {");
      createIo(w, "mmio", "this", "mmio");
      if (container) {
        w.line(
            "container = MemoryRegion.container(this, \""
                + prefix()
                + "-container\", 0x"
                + Integer.toHexString(registers.windowSize() * 4)
                + ");");
      }
      w.close();
      w.blank();
    }
    w.line("@Override");
    w.open("protected void realize() {");
    if (!inInit) {
      createIo(w, "mmio", "this", "mmio");
      if (balancedRef) {
        w.line("mmio.ref();");
      }
    }
    if (container) {
      w.line("container.addSubregion(0, mmio);");
      w.line("initMmio(container);");
    } else if (random.nextInt(4) == 0) {
      w.line("MemoryRegion.systemMemory().addSubregion(" + busAddress() + ", mmio);");
    } else {
      w.line("initMmio(mmio);");
    }
    w.line("reset();");
    w.close();
    w.blank();
    reset(w);
  }

  /** The callbacks as a method reference, a lambda or an anonymous MemoryRegionOps. */
  private void createIo(CWriter w, String field, String owner, String suffix) {
    String rest = ", \"" + prefix() + "-" + suffix + "\", " + mmioSize() + ");";
    String call = field + " = MemoryRegion.io(" + owner + ", ";
    switch (opsStyle) {
      case 0:
        w.line(call + "this::mmioRead" + rest);
        break;
      case 1:
        w.open(call + "new MemoryRegionOps() {");
        w.line("@Override");
        w.open("public long read(long addr, int size) {");
        w.line("return mmioRead(addr, size);");
        w.close();
        w.blank();
        w.line("@Override");
        w.open("public void write(long addr, long value, int size) {");
        w.line("mmioWrite(addr, value, size);");
        w.close();
        w.close("}" + rest);
        break;
      default:
        w.line(call + "(addr, size) -> mmioRead(addr, size)" + rest);
        break;
    }
  }

  private void plainDevice(CWriter w) {
    w.line("@Override");
    w.open("protected void realize() {");
    w.line("reset();");
    w.close();
    w.blank();
    w.line("@Override");
    w.open("protected void unrealize() {");
    w.line("irqLevel = 0;");
    w.close();
    w.blank();
    reset(w);
  }

  private void reset(CWriter w) {
    w.open("private void reset() {");
    w.open("for (int i = 0; i < NUM_REGS; i++) {");
    w.line("regs[i] = 0;");
    w.close();
    w.line("irqLevel = 0;");
    w.close();
    w.blank();
  }

  // ---- FFM ----

  private void ffmOverridePci(CWriter w) {
    w.line("@Override");
    w.open("protected void realize() {");
    ffmRealizeBody(w, "qom_h.OBJECT(this)", "pci_h.PCI_DEVICE(this)");
    w.close();
    w.blank();
    w.line("@Override");
    w.open("protected void exit() {");
    ffmExitBody(w, "pci_h.PCI_DEVICE(this)");
    w.close();
    w.blank();
  }

  private void ffmStaticPci(CWriter w) {
    String state = name + "State";
    String p = plan.regionName().replace('-', '_');
    w.line("@Realize");
    w.open("static void " + p + "_realize(MemorySegment pdev, MemorySegment errp) {");
    w.line(state + " s = " + castMacro() + "(pdev);");
    ffmRealizeBody(w, "qom_h.OBJECT(s)", "pdev");
    w.close();
    w.blank();
    w.line("@Unrealize");
    w.open("static void " + p + "_exit(MemorySegment pdev) {");
    w.line(state + " s = " + castMacro() + "(pdev);");
    ffmExitBody(w, "pdev");
    w.close();
    w.blank();
  }

  private void ffmRealizeBody(CWriter w, String owner, String pdev) {
    w.line(
        "memory_h.memory_region_init_io(s.mmio(), "
            + owner
            + ", MemorySegment.NULL, MemorySegment.NULL, MMIO_NAME, "
            + mmioSize()
            + "L);");
    if (balancedRef || bug == PlantedBug.REF_WITHOUT_UNREF) {
      if (bug == PlantedBug.REF_WITHOUT_UNREF) {
        w.line("// Planted MR001: the reference is never dropped at exit.");
      }
      w.line("memory_h.memory_region_ref(s.mmio());");
    }
    w.line("pci_h.pci_register_bar(" + pdev + ", 0, 0, s.mmio());");
    if (window) {
      w.line(
          "memory_h.memory_region_init_ram(s.ram(), "
              + owner
              + ", RAM_NAME, 0x10000L, MemorySegment.NULL);");
      w.line(
          "memory_h.memory_region_init_alias(s.window(), "
              + owner
              + ", WINDOW_NAME, s.ram(), 0, 0x1000L);");
      w.line(
          "memory_h.memory_region_add_subregion(pci_h.pci_address_space("
              + pdev
              + "), "
              + busAddress()
              + ", s.window());");
    }
    if (dma) {
      w.line("memory_h.memory_region_init(s.dmaRoot(), " + owner + ", DMA_ROOT_NAME, 1L << 32);");
      w.line("memory_h.address_space_init(s.dma(), s.dmaRoot(), DMA_NAME);");
    }
    if (bug == PlantedBug.OWNERLESS_FREE) {
      w.line(
          "memory_h.memory_region_init_ram(s.scratch(), MemorySegment.NULL, SCRATCH_NAME,"
              + " 0x1000L, MemorySegment.NULL);");
    }
  }

  private void ffmExitBody(CWriter w, String pdev) {
    if (balancedRef) {
      w.line("memory_h.memory_region_unref(s.mmio());");
    }
    if (window) {
      if (bug == PlantedBug.UNPARENT_WHILE_MAPPED) {
        w.line("// Planted MR002: the window is still mapped in the bus.");
        w.line("qom_h.object_unparent(qom_h.OBJECT(s.window()));");
      } else if (windowViaHelper) {
        w.line(
            plan.helperClass()
                + ".dropSegment(pci_h.pci_address_space("
                + pdev
                + "), s.window());");
      } else {
        w.line(
            "memory_h.memory_region_del_subregion(pci_h.pci_address_space("
                + pdev
                + "), s.window());");
        w.line("qom_h.object_unparent(qom_h.OBJECT(s.window()));");
      }
    }
    if (dma) {
      w.line("memory_h.address_space_destroy(s.dma());");
    }
    if (bug == PlantedBug.OWNERLESS_FREE) {
      w.line("// Planted MR003: nothing owns the scratch region.");
      w.line("qom_h.object_unparent(qom_h.OBJECT(s.scratch()));");
    }
  }

  private void ffmSysbus(CWriter w) {
    String state = name + "State";
    String p = plan.regionName().replace('-', '_');
    w.line("@InstanceInit");
    w.open("static void " + p + "_init(MemorySegment obj) {");
    w.line(state + " s = " + castMacro() + "(obj);");
    w.line(
        "memory_h.memory_region_init_io(s.mmio(), qom_h.OBJECT(s), MemorySegment.NULL,"
            + " MemorySegment.NULL, MMIO_NAME, "
            + mmioSize()
            + "L);");
    if (container) {
      w.line(
          "memory_h.memory_region_init(s.root(), qom_h.OBJECT(s), ROOT_NAME, 0x"
              + Integer.toHexString(registers.windowSize() * 4)
              + "L);");
    }
    w.close();
    w.blank();
    w.line("@Realize");
    w.open("static void " + p + "_realize(MemorySegment dev, MemorySegment errp) {");
    w.line(state + " s = " + castMacro() + "(dev);");
    if (balancedRef) {
      w.line("memory_h.memory_region_ref(s.mmio());");
    }
    if (container) {
      w.line("memory_h.memory_region_add_subregion(s.root(), 0, s.mmio());");
      w.line(
          "memory_h.memory_region_add_subregion(memory_h.get_system_memory(), "
              + busAddress()
              + ", s.root());");
    } else {
      w.line(
          "memory_h.memory_region_add_subregion(memory_h.get_system_memory(), "
              + busAddress()
              + ", s.mmio());");
    }
    w.close();
    w.blank();
  }
}
