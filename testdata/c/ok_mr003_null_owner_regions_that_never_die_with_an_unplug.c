/*
 * Owner-less regions that are not freed with an unplugged device's state:
 * a board part that is never unplugged, a PCI device that opts out of
 * hot-unplug, an unnamed region (no child of /machine/unattached) and a
 * heap region that lives as long as the machine.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/core/sysbus.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

static const MemoryRegionOps quiet_ops;

/* A SoC timer block: sysbus parts live as long as the machine. */
#define TYPE_QUIET_TIMER "quiet-timer"
OBJECT_DECLARE_SIMPLE_TYPE(QuietTimerState, QUIET_TIMER)

struct QuietTimerState {
    SysBusDevice parent_obj;

    MemoryRegion regs;
};

static void quiet_timer_realize(DeviceState *dev, Error **errp)
{
    QuietTimerState *s = QUIET_TIMER(dev);

    // OK: MR003 a board part is never unplugged
    memory_region_init_io(&s->regs, NULL, &quiet_ops, s, "quiet-timer", 0x100);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->regs);
}

static void quiet_timer_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = quiet_timer_realize;
}

/* A PCI host-side companion that says it cannot be unplugged. */
#define TYPE_QUIET_PCI "quiet-pci"
OBJECT_DECLARE_SIMPLE_TYPE(QuietPciState, QUIET_PCI)

struct QuietPciState {
    PCIDevice parent_obj;

    MemoryRegion bar;
};

static void quiet_pci_realize(PCIDevice *pdev, Error **errp)
{
    QuietPciState *s = QUIET_PCI(pdev);

    // OK: MR003 hotpluggable = false: never unplugged
    memory_region_init_io(&s->bar, NULL, &quiet_ops, s, "quiet-pci", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void quiet_pci_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = quiet_pci_realize;
    dc->hotpluggable = false;
}

/* A hot-pluggable PCI card: its unnamed shadow and its heap ROM do not die with its state. */
#define TYPE_QUIET_CARD "quiet-card"
OBJECT_DECLARE_SIMPLE_TYPE(QuietCardState, QUIET_CARD)

struct QuietCardState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion shadow;
    MemoryRegion *rom;
};

static void quiet_card_realize(PCIDevice *pdev, Error **errp)
{
    QuietCardState *s = QUIET_CARD(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &quiet_ops, s, "quiet-card", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    // OK: MR003 an unnamed region is no child of /machine/unattached
    memory_region_init_io(&s->shadow, NULL, &quiet_ops, s, NULL, 0x100);
    memory_region_add_subregion(&s->bar, 0x80, &s->shadow);
    s->rom = g_new0(MemoryRegion, 1);
    // OK: MR003 a heap region that is never freed lives as long as the machine
    memory_region_init_rom(s->rom, NULL, "quiet-card.rom", 0x1000, &error_fatal);
}

static void quiet_card_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = quiet_card_realize;
}

static const TypeInfo quiet_types[] = {
    {
        .name          = TYPE_QUIET_TIMER,
        .parent        = TYPE_SYS_BUS_DEVICE,
        .instance_size = sizeof(QuietTimerState),
        .class_init    = quiet_timer_class_init,
    }, {
        .name          = TYPE_QUIET_PCI,
        .parent        = TYPE_PCI_DEVICE,
        .instance_size = sizeof(QuietPciState),
        .class_init    = quiet_pci_class_init,
    }, {
        .name          = TYPE_QUIET_CARD,
        .parent        = TYPE_PCI_DEVICE,
        .instance_size = sizeof(QuietCardState),
        .class_init    = quiet_card_class_init,
    },
};

DEFINE_TYPES(quiet_types)
