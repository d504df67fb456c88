/*
 * PCI device with an Express variant: only the variant pins the host
 * windows it forwards to, and exit unpins them under the same type test.
 * QOM gives an object its type at creation and never changes it, so a
 * realize that took the Express branch is followed by an exit that takes it
 * too, whether the test is spelled through another variable, its result kept
 * in a local or in a field.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_CASTPIN "castpin"
#define TYPE_CASTPIN_EXPRESS "castpin-express"
OBJECT_DECLARE_SIMPLE_TYPE(CastpinState, CASTPIN)

struct CastpinState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *window;
    MemoryRegion *shadow;
    MemoryRegion *scratch;
    void *express;
};

static const MemoryRegionOps castpin_ops;

static void castpin_realize(PCIDevice *pdev, Error **errp)
{
    CastpinState *s = CASTPIN(pdev);
    PCIDevice *xdev;

    memory_region_init_io(&s->bar, OBJECT(s), &castpin_ops, s, "castpin", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (object_dynamic_cast(OBJECT(pdev), TYPE_CASTPIN_EXPRESS)) {
        // OK: MR006 pinned and unpinned under the same type test; the type never changes
        memory_region_ref(s->window);
    }
    xdev = (PCIDevice *)object_dynamic_cast(OBJECT(s), TYPE_CASTPIN_EXPRESS);
    if (xdev) {
        // OK: MR006 the cast's result kept in a local is the fact exit tests again
        memory_region_ref(s->shadow);
    }
    s->express = object_dynamic_cast(OBJECT(s), TYPE_CASTPIN_EXPRESS);
    if (s->express) {
        // OK: MR006 the cast's result kept in a field; exit asks the type again
        memory_region_ref(s->scratch);
    }
}

static void castpin_exit(PCIDevice *pdev)
{
    CastpinState *s = CASTPIN(pdev);
    void *x = object_dynamic_cast(OBJECT(pdev), TYPE_CASTPIN_EXPRESS);

    if (object_dynamic_cast(OBJECT(s), TYPE_CASTPIN_EXPRESS)) {
        memory_region_unref(s->window);
        memory_region_unref(s->shadow);
    }
    if (x) {
        memory_region_unref(s->scratch);
    }
}

static void castpin_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = castpin_realize;
    k->exit = castpin_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1336;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo castpin_info = {
    .name          = TYPE_CASTPIN,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(CastpinState),
    .class_init    = castpin_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static const TypeInfo castpin_express_info = {
    .name          = TYPE_CASTPIN_EXPRESS,
    .parent        = TYPE_CASTPIN,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void castpin_register_types(void)
{
    type_register_static(&castpin_info);
    type_register_static(&castpin_express_info);
}

type_init(castpin_register_types)
