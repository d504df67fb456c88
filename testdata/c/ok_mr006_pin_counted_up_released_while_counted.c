/*
 * PCI device that pins its backend's region in realize and counts the pin in
 * a counter; exit gives the reference back while the count is not zero.  The
 * analysis does not evaluate the increment, so it sees the reference kept on
 * the path where the count is zero; the runtime model knows realize counted
 * up (counters start at zero with the zeroed instance and do not wrap) and
 * refutes that path.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PINCOUNT "pincount"
OBJECT_DECLARE_SIMPLE_TYPE(PincountState, PINCOUNT)

struct PincountState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *backend;
    unsigned pins;
};

static const MemoryRegionOps pincount_ops;

static void pincount_realize(PCIDevice *pdev, Error **errp)
{
    PincountState *s = PINCOUNT(pdev);

    memory_region_init_io(&s->bar, OBJECT(s), &pincount_ops, s, "pincount", 0x1000);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
    if (s->backend) {
        // OK: MR006 counted up with the ref and released while counted; the model refutes the zero-count path
        memory_region_ref(s->backend);
        s->pins++;
    }
}

static void pincount_exit(PCIDevice *pdev)
{
    PincountState *s = PINCOUNT(pdev);

    if (s->pins) {
        memory_region_unref(s->backend);
    }
}

static void pincount_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pincount_realize;
    k->exit = pincount_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1337;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo pincount_info = {
    .name          = TYPE_PINCOUNT,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PincountState),
    .class_init    = pincount_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pincount_register_types(void)
{
    type_register_static(&pincount_info);
}

type_init(pincount_register_types)
