// OK: MR001 under current and refcount: a same-owner subregion left in its container is auto-detached
// OK: MR002 no region is unparented while mapped
/*
 * IDE controller with a bus-master DMA BAR built as a container of
 * per-channel I/O regions, all owned by the device.  exit never deletes
 * the subregions.  Before QEMU 10.2 (legacy semantics) the container
 * referenced its subregions' owner, i.e. the device itself: a cycle that
 * kept the device alive after unplug.  Current QEMU auto-detaches
 * same-owner subregions, so the same code is fine there.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "qom/object.h"

#define TYPE_PATAX "patax-ide"
OBJECT_DECLARE_SIMPLE_TYPE(PataxState, PATAX)

typedef struct PataxBmdma {
    MemoryRegion extra_io;
    MemoryRegion addr_ioport;
    uint8_t cmd;
    uint8_t status;
    uint32_t addr;
} PataxBmdma;

struct PataxState {
    PCIDevice parent_obj;

    MemoryRegion bmdma_bar;
    PataxBmdma bmdma[2];
};

static uint64_t patax_bmdma_read(void *opaque, hwaddr addr, unsigned size)
{
    PataxBmdma *bm = opaque;

    return addr == 0 ? bm->cmd : bm->status;
}

static void patax_bmdma_write(void *opaque, hwaddr addr, uint64_t val,
                              unsigned size)
{
    PataxBmdma *bm = opaque;

    if (addr == 0) {
        bm->cmd = val & 0x09;
    } else {
        bm->status &= ~(val & 0x06);
    }
}

static const MemoryRegionOps patax_bmdma_ops = {
    .read = patax_bmdma_read,
    .write = patax_bmdma_write,
};

static uint64_t patax_bmdma_addr_read(void *opaque, hwaddr addr, unsigned size)
{
    PataxBmdma *bm = opaque;

    return bm->addr;
}

static void patax_bmdma_addr_write(void *opaque, hwaddr addr, uint64_t val,
                                   unsigned size)
{
    PataxBmdma *bm = opaque;

    bm->addr = val & ~3;
}

static const MemoryRegionOps patax_bmdma_addr_ops = {
    .read = patax_bmdma_addr_read,
    .write = patax_bmdma_addr_write,
};

static void patax_realize(PCIDevice *dev, Error **errp)
{
    PataxState *d = PATAX(dev);
    int i;

    memory_region_init(&d->bmdma_bar, OBJECT(d), "patax-bmdma-container", 16);
    for (i = 0; i < ARRAY_SIZE(d->bmdma); i++) {
        PataxBmdma *bm = &d->bmdma[i];

        memory_region_init_io(&bm->extra_io, OBJECT(d), &patax_bmdma_ops, bm,
                              "patax-bmdma", 4);
        // BUG(legacy): MR001
        memory_region_add_subregion(&d->bmdma_bar, i * 8, &bm->extra_io);
        memory_region_init_io(&bm->addr_ioport, OBJECT(d),
                              &patax_bmdma_addr_ops, bm, "patax-bmdma-addr", 4);
        // BUG(legacy): MR001
        memory_region_add_subregion(&d->bmdma_bar, i * 8 + 4, &bm->addr_ioport);
    }
    pci_register_bar(dev, 4, PCI_BASE_ADDRESS_SPACE_IO, &d->bmdma_bar);
}

static void patax_exit(PCIDevice *dev)
{
    PataxState *d = PATAX(dev);
    int i;

    for (i = 0; i < ARRAY_SIZE(d->bmdma); i++) {
        d->bmdma[i].cmd = 0;
        d->bmdma[i].status = 0;
    }
}

static void patax_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);
    DeviceClass *dc = DEVICE_CLASS(klass);

    k->realize = patax_realize;
    k->exit = patax_exit;
    k->vendor_id = PCI_VENDOR_ID_QEMU;
    k->device_id = 0x10f7;
    k->class_id = PCI_CLASS_STORAGE_IDE;
    set_bit(DEVICE_CATEGORY_STORAGE, dc->categories);
}

static const TypeInfo patax_info = {
    .name          = TYPE_PATAX,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(PataxState),
    .class_init    = patax_class_init,
    .interfaces    = (const InterfaceInfo[]) {
        { INTERFACE_CONVENTIONAL_PCI_DEVICE },
        { },
    },
};

static void patax_register_types(void)
{
    type_register_static(&patax_info);
}

type_init(patax_register_types)
