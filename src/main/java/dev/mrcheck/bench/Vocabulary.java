package dev.mrcheck.bench;

import java.util.List;
import java.util.Random;

/** The words generated names are made of: QEMU-like vendors, blocks, registers and verbs. */
final class Vocabulary {
  static final List<String> SUBSYSTEMS = List.of(
      "arm", "timer", "intc", "char", "net", "pci-host", "misc", "gpio", "i2c", "ssi", "dma",
      "display", "usb", "audio", "block", "sd", "rtc", "watchdog", "adc", "sensor", "ipmi",
      "nvram", "ide", "scsi", "virtio", "input", "mem", "cxl", "riscv", "ppc", "s390x", "i386",
      "mips", "sparc", "xen", "vfio", "acpi", "core", "pci-bridge", "nvme", "tpm", "can",
      "loongarch", "m68k", "sh4", "avr", "rx", "xtensa");

  static final List<String> VENDORS = List.of(
      "aspeed", "imx", "stm32", "npcm", "sifive", "pl", "cmsdk", "omap", "exynos", "allwinner",
      "bcm", "nrf", "mps", "xlnx", "microchip", "zynq", "versal", "rk", "sun8i", "tegra", "nxp",
      "renesas", "msf2", "lm", "sam", "atmel", "mv", "ls1", "mt", "realtek", "opentitan", "k230",
      "starfive", "amlogic", "ti", "qcom", "hisi", "xgene", "pnv", "spapr");

  static final List<String> BLOCKS = List.of(
      "uart", "timer", "gpio", "spi", "i2c", "dma", "wdt", "rtc", "adc", "pwm", "crypto", "sdhci",
      "eth", "usb", "can", "mbox", "clk", "pmu", "rng", "otp", "lcdc", "intc", "pinctrl", "trng",
      "qspi", "scu", "sysctl", "hace", "fmc", "lpc", "espi", "peci", "kcs", "xdma", "sgpio",
      "ecc", "ddr", "sram", "iommu", "msi", "pcie", "phy", "mdio", "vic", "gic", "plic", "aclint");

  static final List<String> SENSORS = List.of(
      "tmp", "lm", "adm", "emc", "max", "ina", "pca", "tca", "ds", "at24", "isl", "sht", "bmp",
      "lsm", "mpu", "adt", "nct", "w83", "ltc", "pmbus");

  static final List<String> REGISTERS = List.of(
      "CTRL", "STATUS", "INT_EN", "INT_STATUS", "INT_CLR", "DATA", "FIFO_LVL", "BAUD", "CFG",
      "MODE", "CMD", "ADDR", "LEN", "ID", "VERSION", "IRQ_MASK", "IRQ_RAW", "TX_DATA", "RX_DATA",
      "DIV", "LOAD", "VALUE", "COMPARE", "PRESCALE", "DMA_ADDR", "DMA_LEN", "DMA_CTRL", "WIN_BASE",
      "WIN_SIZE", "SCRATCH", "LOCK", "KEY", "RESET", "CLK_EN", "PAD_CFG", "TRIG", "THRESH",
      "ERR_STATUS", "ERR_ADDR", "SEQ", "DESC_BASE", "DESC_HEAD", "DESC_TAIL", "MAC_LO", "MAC_HI");

  static final List<String> FIELDS = List.of(
      "EN", "BUSY", "DONE", "ERR", "IRQ", "MODE", "SIZE", "START", "STOP", "RESET", "READY",
      "OVERFLOW", "UNDERFLOW", "PARITY", "LOOPBACK", "WIDTH", "DIR", "POL", "SEL", "LEVEL");

  static final List<String> VERBS = List.of(
      "update", "compute", "process", "handle", "sync", "flush", "check", "apply", "decode",
      "encode", "refill", "drain", "latch", "recalc", "service", "advance", "validate", "commit");

  static final List<String> NOUNS = List.of(
      "irq", "fifo", "desc", "crc", "timer", "clock", "status", "ring", "packet", "window",
      "config", "counter", "match", "prescaler", "queue", "burst", "frame", "table", "mask",
      "event", "threshold", "cache");

  static String pick(Random random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  private Vocabulary() {}
}
