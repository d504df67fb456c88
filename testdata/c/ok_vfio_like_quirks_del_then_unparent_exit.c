// OK: MR001 same-owner quirk subregions are deleted from BAR 0 at exit (all semantics)
// OK: MR002 each quirk is deleted from BAR 0 before it is unparented
/*
 * Passthrough-like PCI device with an array of quirk regions overlaid on
 * its BAR 0 (the correct version of mr002_vfio_like_quirks_unparent_no_del.c):
 * exit deletes every quirk from the BAR before unparenting it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_QKOK "qkok-passthrough"
OBJECT_DECLARE_SIMPLE_TYPE(QkokState, QKOK)

#define QKOK_NR_QUIRKS 2

typedef struct QkokQuirk {
    MemoryRegion mem;
    uint32_t offset;
    uint32_t latch;
} QkokQuirk;

struct QkokState {
    PCIDevice parent_obj;

    MemoryRegion bar0;
    QkokQuirk quirks[QKOK_NR_QUIRKS];
};

static uint64_t qkok_bar_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void qkok_bar_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
}

static const MemoryRegionOps qkok_bar_ops = {
    .read = qkok_bar_read,
    .write = qkok_bar_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static uint64_t qkok_quirk_read(void *opaque, hwaddr addr, unsigned size)
{
    QkokQuirk *q = opaque;

    return q->latch;
}

static void qkok_quirk_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    QkokQuirk *q = opaque;

    q->latch = val;
}

static const MemoryRegionOps qkok_quirk_ops = {
    .read = qkok_quirk_read,
    .write = qkok_quirk_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void qkok_realize(PCIDevice *pdev, Error **errp)
{
    QkokState *s = QKOK(pdev);
    int i;

    memory_region_init_io(&s->bar0, OBJECT(s), &qkok_bar_ops, s, "qkok-bar0",
                          0x10000);
    for (i = 0; i < QKOK_NR_QUIRKS; i++) {
        s->quirks[i].offset = 0x1800 + i * 0x100;
        memory_region_init_io(&s->quirks[i].mem, OBJECT(s), &qkok_quirk_ops,
                              &s->quirks[i], "qkok-quirk", 8);
        memory_region_add_subregion_overlap(&s->bar0, s->quirks[i].offset,
                                            &s->quirks[i].mem, 1);
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar0);
}

static void qkok_exit(PCIDevice *pdev)
{
    QkokState *s = QKOK(pdev);
    int i;

    for (i = 0; i < QKOK_NR_QUIRKS; i++) {
        memory_region_del_subregion(&s->bar0, &s->quirks[i].mem);
        object_unparent(OBJECT(&s->quirks[i].mem));
    }
}

static void qkok_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = qkok_realize;
    k->exit = qkok_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x120c;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo qkok_info = {
    .name          = TYPE_QKOK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(QkokState),
    .class_init    = qkok_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void qkok_register_types(void)
{
    type_register_static(&qkok_info);
}

type_init(qkok_register_types)
