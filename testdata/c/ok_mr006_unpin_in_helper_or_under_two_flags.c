/*
 * PCI device that pins two host windows in realize and counts the pins.
 * Exit gives the first back through a small unpin helper that tests the
 * count, and the second under two tests (the helper-set flag and the count).
 * The analysis does not carry the helper's store nor the count to exit, so it
 * sees each reference kept where the tests fail; the witness records the
 * writes realize made and the failed tests, and the runtime model refutes
 * both paths: the tests cannot fail after those writes.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_UNPINHELP "unpinhelp"
OBJECT_DECLARE_SIMPLE_TYPE(UnpinhelpState, UNPINHELP)

struct UnpinhelpState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *window;
    MemoryRegion *shadow;
    unsigned window_pins;
    unsigned shadow_pins;
    bool shadow_pinned;
};

static const MemoryRegionOps unpinhelp_ops;

static void unpinhelp_note_shadow(UnpinhelpState *s)
{
    s->shadow_pinned = true;
}

static void unpinhelp_unpin_window(UnpinhelpState *s)
{
    if (s->window_pins) {
        memory_region_unref(s->window);
        s->window_pins = 0;
    }
}

static void unpinhelp_realize(PCIDevice *pdev, Error **errp)
{
    UnpinhelpState *s = UNPINHELP(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &unpinhelp_ops, s, "unpinhelp", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (s->window) {
        // OK: MR006 exit's unpin helper gives it back under the count realize took up
        memory_region_ref(s->window);
        s->window_pins++;
    }
    if (s->shadow) {
        // OK: MR006 exit gives it back under the flag and the count, both set here
        memory_region_ref(s->shadow);
        unpinhelp_note_shadow(s);
        s->shadow_pins++;
    }
}

static void unpinhelp_exit(PCIDevice *pdev)
{
    UnpinhelpState *s = UNPINHELP(pdev);

    unpinhelp_unpin_window(s);
    if (s->shadow_pinned && s->shadow_pins) {
        memory_region_unref(s->shadow);
    }
}

static void unpinhelp_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = unpinhelp_realize;
    k->exit = unpinhelp_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1338;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo unpinhelp_info = {
    .name          = TYPE_UNPINHELP,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(UnpinhelpState),
    .class_init    = unpinhelp_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void unpinhelp_register_types(void)
{
    type_register_static(&unpinhelp_info);
}

type_init(unpinhelp_register_types)
