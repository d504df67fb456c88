/*
 * PCI device with an Express and a legacy variant: realize pins the host
 * window for the Express variant, but exit unpins it for the legacy one (a
 * copy-and-paste slip).  An Express device keeps the reference after unplug.
 * The same slip with the cast's result kept in a local.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_CASTLEAK "castleak"
#define TYPE_CASTLEAK_EXPRESS "castleak-express"
#define TYPE_CASTLEAK_LEGACY "castleak-legacy"
OBJECT_DECLARE_SIMPLE_TYPE(CastleakState, CASTLEAK)

struct CastleakState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *window;
    MemoryRegion *shadow;
};

static const MemoryRegionOps castleak_ops;

static void castleak_realize(PCIDevice *pdev, Error **errp)
{
    CastleakState *s = CASTLEAK(pdev);
    PCIDevice *xdev = (PCIDevice *)object_dynamic_cast(OBJECT(s), TYPE_CASTLEAK_EXPRESS);

    memory_region_init_io(&s->bar, OBJECT(s), &castleak_ops, s, "castleak", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (object_dynamic_cast(OBJECT(pdev), TYPE_CASTLEAK_EXPRESS)) {
        // BUG: MR006 kept in TYPE_CASTLEAK's state and not given back by unrealize
        memory_region_ref(s->window);
    }
    if (xdev) {
        // BUG: MR006 kept in TYPE_CASTLEAK's state and not given back by unrealize
        memory_region_ref(s->shadow);
    }
}

static void castleak_exit(PCIDevice *pdev)
{
    CastleakState *s = CASTLEAK(pdev);

    if (object_dynamic_cast(OBJECT(pdev), TYPE_CASTLEAK_LEGACY)) {
        memory_region_unref(s->window);
        memory_region_unref(s->shadow);
    }
}

static void castleak_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = castleak_realize;
    k->exit = castleak_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1337;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo castleak_info = {
    .name          = TYPE_CASTLEAK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CastleakState),
    .class_init    = castleak_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static const TypeInfo castleak_express_info = {
    .name          = TYPE_CASTLEAK_EXPRESS,
    .parent        = TYPE_CASTLEAK,
};

static const TypeInfo castleak_legacy_info = {
    .name          = TYPE_CASTLEAK_LEGACY,
    .parent        = TYPE_CASTLEAK,
};

static void castleak_register_types(void)
{
    type_register_static(&castleak_info);
    type_register_static(&castleak_express_info);
    type_register_static(&castleak_legacy_info);
}

type_init(castleak_register_types)
