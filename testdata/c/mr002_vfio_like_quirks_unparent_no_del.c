// OK: MR001 under current and refcount: the same-owner quirk subregions are auto-detached
/*
 * Passthrough-like PCI device that overlays quirk regions on its BAR 0.
 * The PCI core unmaps BAR 0 itself before exit, but the quirks are still
 * subregions of BAR 0 when exit unparents them.  Under legacy semantics
 * the never-deleted same-owner quirks also form an owner cycle.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_QK "qk-passthrough"
OBJECT_DECLARE_SIMPLE_TYPE(QkState, QK)

#define QK_NR_QUIRKS 2
#define QK_BAR0_SIZE 0x10000

typedef struct QkQuirk {
    MemoryRegion mem;
    uint32_t offset;
    uint32_t latch;
} QkQuirk;

struct QkState {
    PCIDevice parent_obj;

    MemoryRegion bar0;
    QkQuirk quirks[QK_NR_QUIRKS];
};

static uint64_t qk_bar_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void qk_bar_write(void *opaque, hwaddr addr, uint64_t val,
                         unsigned size)
{
}

static const MemoryRegionOps qk_bar_ops = {
    .read = qk_bar_read,
    .write = qk_bar_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static uint64_t qk_quirk_read(void *opaque, hwaddr addr, unsigned size)
{
    QkQuirk *q = opaque;

    return q->latch;
}

static void qk_quirk_write(void *opaque, hwaddr addr, uint64_t val,
                           unsigned size)
{
    QkQuirk *q = opaque;

    q->latch = val;
}

static const MemoryRegionOps qk_quirk_ops = {
    .read = qk_quirk_read,
    .write = qk_quirk_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void qk_realize(PCIDevice *pdev, Error **errp)
{
    QkState *s = QK(pdev);
    int i;

    memory_region_init_io(&s->bar0, OBJECT(s), &qk_bar_ops, s, "qk-bar0",
                          QK_BAR0_SIZE);
    for (i = 0; i < QK_NR_QUIRKS; i++) {
        QkQuirk *q = &s->quirks[i];

        q->offset = 0x1800 + i * 0x100;
        memory_region_init_io(&q->mem, OBJECT(s), &qk_quirk_ops, q,
                              "qk-quirk", 8);
        // BUG(legacy): MR001
        memory_region_add_subregion_overlap(&s->bar0, q->offset, &q->mem, 1);
    }
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar0);
}

static void qk_exit(PCIDevice *pdev)
{
    QkState *s = QK(pdev);
    int i;

    for (i = 0; i < QK_NR_QUIRKS; i++) {
        // BUG: MR002
        object_unparent(OBJECT(&s->quirks[i].mem));
    }
}

static void qk_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = qk_realize;
    k->exit = qk_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1103;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo qk_info = {
    .name          = TYPE_QK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(QkState),
    .class_init    = qk_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_PCIE_DEVICE },
        { },
    },
};

static void qk_register_types(void)
{
    type_register_static(&qk_info);
}

type_init(qk_register_types)
