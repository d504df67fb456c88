/*
 * Doorbell PCI device that pins its own MMIO BAR with memory_region_ref()
 * in realize and never drops the reference in exit.  A reference on the
 * device's own region keeps the device alive: after hot-unplug it is
 * never finalized (owner cycle).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINBAR "pinbar"
OBJECT_DECLARE_SIMPLE_TYPE(PinbarState, PINBAR)

struct PinbarState {
    PCIDevice parent_obj;

    MemoryRegion mmio;
    uint32_t doorbell;
};

static uint64_t pinbar_mmio_read(void *opaque, hwaddr addr, unsigned size)
{
    PinbarState *s = opaque;

    return addr == 0 ? s->doorbell : 0;
}

static void pinbar_mmio_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    PinbarState *s = opaque;

    if (addr == 0) {
        s->doorbell = val;
    }
}

static const MemoryRegionOps pinbar_mmio_ops = {
    .read = pinbar_mmio_read,
    .write = pinbar_mmio_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .impl = {
        .min_access_size = 4,
        .max_access_size = 4,
    },
};

static void pinbar_realize(PCIDevice *pdev, Error **errp)
{
    PinbarState *s = PINBAR(pdev);

    memory_region_init_io(&s->mmio, OBJECT(s), &pinbar_mmio_ops, s,
                          "pinbar-mmio", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->mmio);
    /* keep the BAR alive while the doorbell thread runs */
    // BUG: MR001
    memory_region_ref(&s->mmio);
}

static void pinbar_exit(PCIDevice *pdev)
{
    PinbarState *s = PINBAR(pdev);

    s->doorbell = 0;
}

static void pinbar_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinbar_realize;
    k->exit = pinbar_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f0;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pinbar_info = {
    .name          = TYPE_PINBAR,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinbarState),
    .class_init    = pinbar_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinbar_register_types(void)
{
    type_register_static(&pinbar_info);
}

type_init(pinbar_register_types)
