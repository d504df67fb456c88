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

#define TYPE_PINWIN "pinwin"
OBJECT_DECLARE_SIMPLE_TYPE(PinwinState, PINWIN)

struct PinwinState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion regs;
    MemoryRegion fifo;
};

static uint64_t pinwin_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void pinwin_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps pinwin_ops = {
    .read = pinwin_read,
    .write = pinwin_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void pinwin_realize(PCIDevice *pdev, Error **errp)
{
    PinwinState *s = PINWIN(pdev);

    memory_region_init(&s->bar, OBJECT(s), "pinwin-bar", 0x2000);
    memory_region_init_io(&s->regs, OBJECT(s), &pinwin_ops, s,
                          "pinwin-regs", 0x100);
    memory_region_init_io(&s->fifo, OBJECT(s), &pinwin_ops, s,
                          "pinwin-fifo", 0x100);
    // OK: MR001 the container's finalization at exit deletes it
    memory_region_add_subregion(&s->bar, 0, &s->regs);
    // OK: MR001
    memory_region_add_subregion(&s->bar, 0x1000, &s->fifo);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    memory_region_ref(&s->bar);
}

static void pinwin_exit(PCIDevice *pdev)
{
    PinwinState *s = PINWIN(pdev);

    object_unparent(OBJECT(&s->bar));
    memory_region_unref(&s->bar);
}

static void pinwin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinwin_realize;
    k->exit = pinwin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f5;
    k->class_id = PCI_CLASS_OTHERS;
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
