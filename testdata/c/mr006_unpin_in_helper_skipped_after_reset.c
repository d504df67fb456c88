/*
 * PCI device that pins two host windows in realize and counts the pins.
 * Exit gives the first back through an unpin helper that tests the count,
 * but reset clears the count without unpinning: after a reset, unplug skips
 * the unref.  The second is given back under the count and a user property
 * the model knows nothing of: with the property off, the reference outlives
 * the device.  Neither witness can be refuted.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_UNPINRESET "unpinreset"
OBJECT_DECLARE_SIMPLE_TYPE(UnpinresetState, UNPINRESET)

struct UnpinresetState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *window;
    MemoryRegion *shadow;
    unsigned window_pins;
    unsigned shadow_pins;
    bool release_shadow;
};

static const MemoryRegionOps unpinreset_ops;

static void unpinreset_unpin_window(UnpinresetState *s)
{
    if (s->window_pins) {
        memory_region_unref(s->window);
        s->window_pins = 0;
    }
}

static void unpinreset_realize(PCIDevice *pdev, Error **errp)
{
    UnpinresetState *s = UNPINRESET(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &unpinreset_ops, s, "unpinreset", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (s->window) {
        // BUG: MR006 is kept in TYPE_UNPINRESET's state and not given back by unrealize
        memory_region_ref(s->window);
        s->window_pins++;
    }
    if (s->shadow) {
        // BUG: MR006 is kept in TYPE_UNPINRESET's state and not given back by unrealize
        memory_region_ref(s->shadow);
        s->shadow_pins++;
    }
}

static void unpinreset_reset(DeviceState *dev)
{
    UnpinresetState *s = UNPINRESET(dev);

    s->window_pins = 0;
}

static void unpinreset_exit(PCIDevice *pdev)
{
    UnpinresetState *s = UNPINRESET(pdev);

    unpinreset_unpin_window(s);
    if (s->shadow_pins && s->release_shadow) {
        memory_region_unref(s->shadow);
    }
}

static void unpinreset_class_init(ObjectClass *klass, const void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = unpinreset_realize;
    k->exit = unpinreset_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1339;
    k->class_id = PCI_CLASS_OTHERS;
    device_class_set_legacy_reset(dc, unpinreset_reset);
}

static const TypeInfo unpinreset_info = {
    .name          = TYPE_UNPINRESET,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(UnpinresetState),
    .class_init    = unpinreset_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void unpinreset_register_types(void)
{
    type_register_static(&unpinreset_info);
}

type_init(unpinreset_register_types)
