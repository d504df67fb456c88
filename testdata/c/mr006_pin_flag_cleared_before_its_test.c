/*
 * Two PCI devices that pin an optional backend's region in realize and
 * record the pin in a flag.  The first one's exit "resets" its state before
 * looking at it: the flag is cleared ahead of the test, so the release never
 * runs and the reference outlives the device.  The witness must not be
 * refuted with realize's write: exit's test reads what exit itself wrote.
 * The second device clears the flag after the release, the usual order.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINCLR "pinclr"
OBJECT_DECLARE_SIMPLE_TYPE(PinclrState, PINCLR)

struct PinclrState {
    PCIDevice parent_obj;

    MemoryRegion *backend;
    bool pinned;
};

static void pinclr_realize(PCIDevice *pdev, Error **errp)
{
    PinclrState *s = PINCLR(pdev);

    if (s->backend) {
        // BUG: MR006 memory_region_ref(s->backend) is kept in TYPE_PINCLR's state and not given back by unrealize
        memory_region_ref(s->backend);
        s->pinned = true;
    }
}

static void pinclr_exit(PCIDevice *pdev)
{
    PinclrState *s = PINCLR(pdev);

    s->pinned = false;
    if (s->pinned) {
        memory_region_unref(s->backend);
    }
}

static void pinclr_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinclr_realize;
    k->exit = pinclr_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1341;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pinclr_info = {
    .name          = TYPE_PINCLR,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinclrState),
    .class_init    = pinclr_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

#define TYPE_PINAFT "pinaft"
OBJECT_DECLARE_SIMPLE_TYPE(PinaftState, PINAFT)

struct PinaftState {
    PCIDevice parent_obj;

    MemoryRegion *backend;
    bool pinned;
};

static void pinaft_realize(PCIDevice *pdev, Error **errp)
{
    PinaftState *s = PINAFT(pdev);

    if (s->backend) {
        // OK: MR006 released in exit under the flag set here, cleared only after the release
        memory_region_ref(s->backend);
        s->pinned = true;
    }
}

static void pinaft_exit(PCIDevice *pdev)
{
    PinaftState *s = PINAFT(pdev);

    if (s->pinned) {
        memory_region_unref(s->backend);
        s->pinned = false;
    }
}

static void pinaft_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinaft_realize;
    k->exit = pinaft_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1342;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pinaft_info = {
    .name          = TYPE_PINAFT,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinaftState),
    .class_init    = pinaft_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinclr_register_types(void)
{
    type_register_static(&pinclr_info);
    type_register_static(&pinaft_info);
}

type_init(pinclr_register_types)
