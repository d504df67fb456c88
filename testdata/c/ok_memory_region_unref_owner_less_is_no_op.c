// OK: MR003 memory_region_unref() of an owner-less region touches nothing: it only unrefs mr->owner
/*
 * PCI card with a legacy VGA-style window that the board wires in with an
 * owner-less I/O region.  A DMA engine (outside this file) pins the region
 * with memory_region_ref() while a transfer runs; exit drops that pin with
 * memory_region_unref().  For a region without owner both calls do
 * nothing, so nothing is destroyed here: this is not object_unref().
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINWIN "pinwin-vga"
OBJECT_DECLARE_SIMPLE_TYPE(PinwinState, PINWIN)

struct PinwinState {
    PCIDevice parent_obj;

    MemoryRegion legacy_io;
    bool dma_pinned;
};

static uint64_t pinwin_io_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0xff;
}

static void pinwin_io_write(void *opaque, hwaddr addr, uint64_t val,
                            unsigned size)
{
}

static const MemoryRegionOps pinwin_io_ops = {
    .read = pinwin_io_read,
    .write = pinwin_io_write,
};

static void pinwin_realize(PCIDevice *pdev, Error **errp)
{
    PinwinState *s = PINWIN(pdev);

    // BUG: MR003 legacy_io is created with owner NULL inside the instance storage of TYPE_PINWIN
    memory_region_init_io(&s->legacy_io, NULL, &pinwin_io_ops, s,
                          "pinwin-legacy", 0x20);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_IO, &s->legacy_io);
}

static void pinwin_exit(PCIDevice *pdev)
{
    PinwinState *s = PINWIN(pdev);

    if (s->dma_pinned) {
        // OK: MR003
        memory_region_unref(&s->legacy_io);
        s->dma_pinned = false;
    }
}

static void pinwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinwin_realize;
    k->exit = pinwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1102;
    k->class_id = PCI_CLASS_DISPLAY_VGA;
}

static const TypeInfo pinwin_info = {
    .name          = TYPE_PINWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinwinState),
    .class_init    = pinwin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinwin_register_types(void)
{
    type_register_static(&pinwin_info);
}

type_init(pinwin_register_types)
