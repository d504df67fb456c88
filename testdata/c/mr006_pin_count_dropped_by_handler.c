/*
 * PCI device that counts its backend's pin as the pincount case does, but a
 * register write counts it down without giving
 * the reference back: after that write, exit skips the unref and the
 * reference outlives the device.  The model must keep the finding: another
 * function changes the count between realize and exit.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINDROP "pindrop"
OBJECT_DECLARE_SIMPLE_TYPE(PindropState, PINDROP)

struct PindropState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *backend;
    unsigned pins;
};

static void pindrop_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    PindropState *s = opaque;

    if (val == 0 && s->pins) {
        s->pins--;
    }
}

static const MemoryRegionOps pindrop_ops = {
    .write = pindrop_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void pindrop_realize(PCIDevice *pdev, Error **errp)
{
    PindropState *s = PINDROP(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &pindrop_ops, s, "pindrop", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (s->backend) {
        // BUG: MR006 is kept in TYPE_PINDROP's state and not given back by unrealize
        memory_region_ref(s->backend);
        s->pins++;
    }
}

static void pindrop_exit(PCIDevice *pdev)
{
    PindropState *s = PINDROP(pdev);

    if (s->pins) {
        memory_region_unref(s->backend);
    }
}

static void pindrop_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pindrop_realize;
    k->exit = pindrop_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1338;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pindrop_info = {
    .name          = TYPE_PINDROP,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PindropState),
    .class_init    = pindrop_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pindrop_register_types(void)
{
    type_register_static(&pindrop_info);
}

type_init(pindrop_register_types)
