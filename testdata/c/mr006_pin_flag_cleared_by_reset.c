/*
 * PCI device that pins its backend's region in realize and records the pin
 * through a helper, as ok_mr006_pin_flag_set_by_helper.c does, but its reset
 * handler clears the flag without giving the reference back: after a reset,
 * exit skips the unref and the reference outlives the device.  The model must
 * keep the finding: another function writes the flag, so realize's write does
 * not tell what exit sees.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "hw/qdev-core.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINRESET "pinreset"
OBJECT_DECLARE_SIMPLE_TYPE(PinresetState, PINRESET)

struct PinresetState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *backend;
    bool backend_pinned;
};

static const MemoryRegionOps pinreset_ops;

static void pinreset_note_pinned(PinresetState *s)
{
    s->backend_pinned = true;
}

static void pinreset_realize(PCIDevice *pdev, Error **errp)
{
    PinresetState *s = PINRESET(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &pinreset_ops, s, "pinreset", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (s->backend) {
        // BUG: MR006 is kept in TYPE_PINRESET's state and not given back by unrealize
        memory_region_ref(s->backend);
        pinreset_note_pinned(s);
    }
}

static void pinreset_reset(DeviceState *dev)
{
    PinresetState *s = PINRESET(dev);

    s->backend_pinned = false;
}

static void pinreset_exit(PCIDevice *pdev)
{
    PinresetState *s = PINRESET(pdev);

    if (s->backend_pinned) {
        memory_region_unref(s->backend);
    }
}

static void pinreset_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinreset_realize;
    k->exit = pinreset_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1336;
    k->class_id = PCI_CLASS_OTHERS;
    device_class_set_legacy_reset(dc, pinreset_reset);
}

static const TypeInfo pinreset_info = {
    .name          = TYPE_PINRESET,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinresetState),
    .class_init    = pinreset_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinreset_register_types(void)
{
    type_register_static(&pinreset_info);
}

type_init(pinreset_register_types)
