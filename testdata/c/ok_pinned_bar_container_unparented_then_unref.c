/*
 * PCI card whose BAR is a container holding two subregions of the same
 * owner.  realize pins the container while a background walker may use
 * it; exit unparents the container and only then drops the pin.  Under
 * legacy semantics the pin is a reference on the owner, not on the
 * container: the unparent finalizes the container, which deletes its
 * subregions, so no same-owner subregion is left to form an owner cycle.
 * Under the refcount series the pin keeps the container until the unref.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_BARPIN "barpin"
OBJECT_DECLARE_SIMPLE_TYPE(BarpinState, BARPIN)

struct BarpinState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion regs;
    MemoryRegion fifo;
};

static uint64_t barpin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void barpin_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps barpin_ops = {
    .read = barpin_read,
    .write = barpin_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void barpin_realize(PCIDevice *pdev, Error **errp)
{
    BarpinState *s = BARPIN(pdev);

    memory_region_init(&s->bar, OBJECT(s), "barpin-bar", 0x2000);
    memory_region_init_io(&s->regs, OBJECT(s), &barpin_ops, s,
                          "barpin-regs", 0x100);
    memory_region_init_io(&s->fifo, OBJECT(s), &barpin_ops, s,
                          "barpin-fifo", 0x100);
    // OK: MR001 the container's finalization at exit deletes it
    memory_region_add_subregion(&s->bar, 0, &s->regs);
    // OK: MR001
    memory_region_add_subregion(&s->bar, 0x1000, &s->fifo);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    memory_region_ref(&s->bar);
}

static void barpin_exit(PCIDevice *pdev)
{
    BarpinState *s = BARPIN(pdev);

    object_unparent(OBJECT(&s->bar));
    memory_region_unref(&s->bar);
}

static void barpin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = barpin_realize;
    k->exit = barpin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f5;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo barpin_info = {
    .name          = TYPE_BARPIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BarpinState),
    .class_init    = barpin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void barpin_register_types(void)
{
    type_register_static(&barpin_info);
}

type_init(barpin_register_types)
