/*
 * PCI device that pins its optional backend's region in realize and records
 * the pin through a small helper; exit gives the reference back under the
 * flag.  The analysis does not carry the helper's store to exit's test, so it
 * sees the reference kept on the path where the flag is false; the witness
 * records the helper's write and exit's test, and the runtime model refutes
 * that path.  A second link is pinned and unpinned under the same null test
 * on both sides.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINHELP "pinhelp"
OBJECT_DECLARE_SIMPLE_TYPE(PinhelpState, PINHELP)

struct PinhelpState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *backend;
    MemoryRegion *shadow;
    bool backend_pinned;
};

static const MemoryRegionOps pinhelp_ops;

static void pinhelp_note_pinned(PinhelpState *s)
{
    s->backend_pinned = true;
}

static void pinhelp_realize(PCIDevice *pdev, Error **errp)
{
    PinhelpState *s = PINHELP(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &pinhelp_ops, s, "pinhelp", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (s->backend) {
        // OK: MR006 the helper sets the flag exit tests; the model refutes the unflagged path
        memory_region_ref(s->backend);
        pinhelp_note_pinned(s);
    }
    if (s->shadow) {
        // OK: MR006 pinned and unpinned under the same null test of the link on both sides
        memory_region_ref(s->shadow);
    }
}

static void pinhelp_exit(PCIDevice *pdev)
{
    PinhelpState *s = PINHELP(pdev);

    if (s->backend_pinned) {
        memory_region_unref(s->backend);
    }
    if (s->shadow) {
        memory_region_unref(s->shadow);
    }
}

static void pinhelp_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pinhelp_realize;
    k->exit = pinhelp_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1335;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pinhelp_info = {
    .name          = TYPE_PINHELP,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PinhelpState),
    .class_init    = pinhelp_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pinhelp_register_types(void)
{
    type_register_static(&pinhelp_info);
}

type_init(pinhelp_register_types)
