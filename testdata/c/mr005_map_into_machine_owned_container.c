/*
 * Hot-pluggable PCI bridge-like card that builds an I/O window container
 * with owner NULL (the machine owns it, it is never reference counted and
 * never dies) and maps its own registers into it.  The container holds a
 * reference on the card's registers' owner; exit never deletes the
 * subregion, so after hot-unplug the card stays alive and its registers
 * stay visible.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_IOWIN "iowin"
OBJECT_DECLARE_SIMPLE_TYPE(IowinState, IOWIN)

struct IowinState {
    PCIDevice parent_obj;

    MemoryRegion window;
    MemoryRegion regs;
};

static uint64_t iowin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void iowin_write(void *opaque, hwaddr addr, uint64_t val,
                        unsigned size)
{
}

static const MemoryRegionOps iowin_ops = {
    .read = iowin_read,
    .write = iowin_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void iowin_realize(PCIDevice *pdev, Error **errp)
{
    IowinState *s = IOWIN(pdev);

    memory_region_init(&s->window, NULL, "iowin-window", 0x10000);
    memory_region_init_io(&s->regs, OBJECT(s), &iowin_ops, s,
                          "iowin-regs", 0x20);
    // BUG(legacy,current): MR005
    memory_region_add_subregion(&s->window, 0x100, &s->regs);
}

static void iowin_exit(PCIDevice *pdev)
{
}

static void iowin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = iowin_realize;
    k->exit = iowin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f6;
    k->class_id = PCI_CLASS_BRIDGE_OTHER;
}

static const TypeInfo iowin_info = {
    .name          = TYPE_IOWIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(IowinState),
    .class_init    = iowin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void iowin_register_types(void)
{
    type_register_static(&iowin_info);
}

type_init(iowin_register_types)
