package dev.mrcheck.scan;

/**
 * Source of a small PCI device for scan tests: realize maps its region into system memory, and exit
 * does whatever the test passes as its body, so one test source can be made clean or buggy. The
 * body starts at line 12.
 */
public final class PciDeviceSource {
  private static final String DEVICE =
      """
      #include "qemu/osdep.h"
      typedef struct WinState { PCIDevice parent_obj; MemoryRegion win; } WinState;
      static void win_realize(PCIDevice *pdev, Error **errp)
      {
          WinState *s = WIN_DEV(pdev);
          memory_region_init_io(&s->win, OBJECT(s), &win_ops, s, "win", 0x100);
          memory_region_add_subregion(get_system_memory(), 0x1000, &s->win);
      }
      static void win_exit(PCIDevice *pdev)
      {
          WinState *s = WIN_DEV(pdev);
      TEARDOWN
      }
      static void win_class_init(ObjectClass *klass, const void *data)
      {
          PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
          k->realize = win_realize;
          k->exit = win_exit;
      }
      static const TypeInfo win_info = {
          .name = "win-dev",
          .parent = TYPE_PCI_DEVICE,
          .instance_size = sizeof(WinState),
          .class_init = win_class_init,
      };
      """;

  /** Unmaps, then unparents: no finding. */
  public static final String CLEAN =
      """
          memory_region_del_subregion(get_system_memory(), &s->win);
          object_unparent(OBJECT(&s->win));""";

  /** Unparents while mapped: MR002 at line 12. */
  public static final String BUGGY =
      """
          object_unparent(OBJECT(&s->win));""";

  private PciDeviceSource() {}

  /**
   * The device with {@code win} renamed to {@code prefix} (type names, state, region) and {@code
   * exitBody} in its exit.
   */
  public static String of(String prefix, String exitBody) {
    return DEVICE.replace("TEARDOWN", exitBody).replace("win", prefix);
  }
}
