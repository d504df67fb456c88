/*
 * PCI device with an MSI-X-like table region it pins in realize.  exit
 * returns early when the table was never programmed and so skips the
 * matching unref on that path.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_EARLYRET "earlyret"
OBJECT_DECLARE_SIMPLE_TYPE(EarlyretState, EARLYRET)

struct EarlyretState {
    PCIDevice parent_obj;

    MemoryRegion table;
    uint32_t vectors_used;
};

static uint64_t earlyret_table_read(void *opaque, hwaddr addr, unsigned size)
{
    return 0;
}

static void earlyret_table_write(void *opaque, hwaddr addr, uint64_t val,
                                 unsigned size)
{
    EarlyretState *s = opaque;

    s->vectors_used |= 1u << (addr / 16);
}

static const MemoryRegionOps earlyret_table_ops = {
    .read = earlyret_table_read,
    .write = earlyret_table_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
};

static void earlyret_realize(PCIDevice *pdev, Error **errp)
{
    EarlyretState *s = EARLYRET(pdev);

    memory_region_init_io(&s->table, OBJECT(s), &earlyret_table_ops, s,
                          "earlyret-table", 0x800);
    pci_register_bar(pdev, 1, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->table);
    // BUG: MR001
    memory_region_ref(&s->table);
}

static void earlyret_exit(PCIDevice *pdev)
{
    EarlyretState *s = EARLYRET(pdev);

    if (!s->vectors_used) {
        return;
    }
    s->vectors_used = 0;
    memory_region_unref(&s->table);
}

static void earlyret_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = earlyret_realize;
    k->exit = earlyret_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f2;
    k->class_id = PCI_CLASS_OTHERS;
}

static const TypeInfo earlyret_info = {
    .name          = TYPE_EARLYRET,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(EarlyretState),
    .class_init    = earlyret_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void earlyret_register_types(void)
{
    type_register_static(&earlyret_info);
}

type_init(earlyret_register_types)
