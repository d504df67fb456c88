// OK: MR001 same-owner bmdma subregions are deleted from the container at exit (all semantics)
// OK: MR002 each subregion is deleted from its container before it is unparented
/*
 * IDE controller whose bus-master BAR is a container of per-channel
 * regions.  Per-channel helpers map the regions in realize and, in exit,
 * delete each one from the container before unparenting it.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PIDEK "pidek-ide"
OBJECT_DECLARE_SIMPLE_TYPE(PidekState, PIDEK)

typedef struct PidekBmdma {
    MemoryRegion extra_io;
    MemoryRegion addr_ioport;
    uint8_t cmd;
    uint32_t addr;
} PidekBmdma;

struct PidekState {
    PCIDevice parent_obj;

    MemoryRegion bmdma_bar;
    PidekBmdma bmdma[2];
};

static uint64_t pidek_bmdma_read(void *opaque, hwaddr addr, unsigned size)
{
    PidekBmdma *bm = opaque;

    return bm->cmd;
}

static void pidek_bmdma_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    PidekBmdma *bm = opaque;

    bm->cmd = val;
}

static const MemoryRegionOps pidek_bmdma_ops = {
    .read = pidek_bmdma_read,
    .write = pidek_bmdma_write,
};

static uint64_t pidek_addr_read(void *opaque, hwaddr addr, unsigned size)
{
    PidekBmdma *bm = opaque;

    return bm->addr;
}

static void pidek_addr_write(void *opaque, hwaddr addr, uint64_t val,
                             unsigned size)
{
    PidekBmdma *bm = opaque;

    bm->addr = val;
}

static const MemoryRegionOps pidek_addr_ops = {
    .read = pidek_addr_read,
    .write = pidek_addr_write,
};

static void pidek_bmdma_map(PidekState *d, PidekBmdma *bm, hwaddr offset)
{
    memory_region_init_io(&bm->extra_io, OBJECT(d), &pidek_bmdma_ops, bm,
                          "pidek-bmdma", 4);
    memory_region_add_subregion(&d->bmdma_bar, offset, &bm->extra_io);
    memory_region_init_io(&bm->addr_ioport, OBJECT(d), &pidek_addr_ops, bm,
                          "pidek-bmdma-addr", 4);
    memory_region_add_subregion(&d->bmdma_bar, offset + 4, &bm->addr_ioport);
}

static void pidek_bmdma_unmap(PidekState *d, PidekBmdma *bm)
{
    memory_region_del_subregion(&d->bmdma_bar, &bm->extra_io);
    object_unparent(OBJECT(&bm->extra_io));
    memory_region_del_subregion(&d->bmdma_bar, &bm->addr_ioport);
    object_unparent(OBJECT(&bm->addr_ioport));
}

static void pidek_realize(PCIDevice *dev, Error **errp)
{
    PidekState *d = PIDEK(dev);

    memory_region_init(&d->bmdma_bar, OBJECT(d), "pidek-bmdma-container", 16);
    pidek_bmdma_map(d, &d->bmdma[0], 0);
    pidek_bmdma_map(d, &d->bmdma[1], 8);
    pci_register_bar(dev, 4, PCI_BASE_ADDRESS_SPACE_IO, &d->bmdma_bar);
}

static void pidek_exit(PCIDevice *dev)
{
    PidekState *d = PIDEK(dev);

    pidek_bmdma_unmap(d, &d->bmdma[0]);
    pidek_bmdma_unmap(d, &d->bmdma[1]);
}

static void pidek_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = pidek_realize;
    k->exit = pidek_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x1203;
    k->class_id = PCI_CLASS_STORAGE_IDE;
}

static const TypeInfo pidek_info = {
    .name          = TYPE_PIDEK,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PidekState),
    .class_init    = pidek_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void pidek_register_types(void)
{
    type_register_static(&pidek_info);
}

type_init(pidek_register_types)
