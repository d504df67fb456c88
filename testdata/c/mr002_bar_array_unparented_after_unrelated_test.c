/*
 * PCI device with an array of two BARs mapped into system memory in
 * realize; realize also pins the first BAR for the duration of a probe and
 * drops the pin again.  Exit lowers an interrupt only when one is pending
 * and then unparents the second BAR without deleting it from system
 * memory.  The branch in exit joins two paths that agree on the BARs: the
 * probe's unref of an array element must not make the join forget that the
 * elements are still mapped (it gave back a reference, not a mapping).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/irq.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/address-spaces.h"
#include "qom/object.h"

#define TYPE_BARPAIR "barpair"
OBJECT_DECLARE_SIMPLE_TYPE(BarpairState, BARPAIR)

struct BarpairState {
    PCIDevice parent_obj;

    MemoryRegion bars[2];
    qemu_irq irq;
    bool irq_pending;
};

static const MemoryRegionOps barpair_ops;

static void barpair_probe(BarpairState *s)
{
    memory_region_ref(&s->bars[0]);
    memory_region_unref(&s->bars[0]);
}

static void barpair_realize(PCIDevice *pdev, Error **errp)
{
    BarpairState *s = BARPAIR(pdev);

    memory_region_init_io(&s->bars[1], OBJECT(s), &barpair_ops, s,
                          "barpair.bar1", 0x100);
    // BUG(legacy,current): MR005 s->bars[*] is mapped into system_memory, which TYPE_BARPAIR does not own
    memory_region_add_subregion(get_system_memory(), 0xfe000000, &s->bars[1]);
    barpair_probe(s);
}

static void barpair_exit(PCIDevice *pdev)
{
    BarpairState *s = BARPAIR(pdev);

    if (s->irq_pending) {
        qemu_irq_lower(s->irq);
    }
    // BUG: MR002 object_unparent(s->bars[*]) while it may still be mapped in system_memory
    object_unparent(OBJECT(&s->bars[1]));
}

static void barpair_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = barpair_realize;
    k->exit = barpair_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1343;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo barpair_info = {
    .name          = TYPE_BARPAIR,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(BarpairState),
    .class_init    = barpair_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void barpair_register_types(void)
{
    type_register_static(&barpair_info);
}

type_init(barpair_register_types)
