// OK: MR006 an unref in exit of the reference realize took, an object_unref of an object_new'd object, and an unref of a section found by memory_region_find are no over-release
/*
 * PCI device that pins a region another device exports (set through a link
 * property), reads through a DMA mapping and peeks at guest memory.  Three
 * releases give back more than the path holds: exit unpins the backend
 * through a helper and again directly; the doorbell handler unmaps its
 * buffer on the short-mapping path and again at the end; the probe drops
 * the section reference twice on its error path.
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "hw/pci/pci_device.h"
#include "system/memory.h"
#include "system/dma.h"
#include "qom/object.h"

#define TYPE_OVERREL "overrel"
OBJECT_DECLARE_SIMPLE_TYPE(OverRelState, OVERREL)

struct OverRelState {
    PCIDevice parent_obj;

    MemoryRegion bar;
    MemoryRegion *backend;
    MemoryRegion *window;
    Object *helper;
    AddressSpace *dma_as;
    uint64_t ring;
};

static void overrel_put_backend(OverRelState *s)
{
    memory_region_unref(s->backend);
}

static uint64_t overrel_probe(OverRelState *s, hwaddr addr)
{
    MemoryRegionSection sec = memory_region_find(get_system_memory(), addr, 4);
    uint64_t size;

    if (!sec.mr) {
        return 0;
    }
    size = int128_get64(sec.size);
    if (size < 4) {
        memory_region_unref(sec.mr);
        // BUG: MR006 memory_region_unref(sec->mr) gives back a reference this path does not hold
        memory_region_unref(sec.mr);
        return 0;
    }
    memory_region_unref(sec.mr);
    return size;
}

static void overrel_doorbell(OverRelState *s)
{
    dma_addr_t len = 64;
    void *buf = dma_memory_map(s->dma_as, s->ring, &len, DMA_DIRECTION_TO_DEVICE,
                               MEMTXATTRS_UNSPECIFIED);

    if (!buf) {
        return;
    }
    if (len < 64) {
        dma_memory_unmap(s->dma_as, buf, len, DMA_DIRECTION_TO_DEVICE, 0);
    }
    // BUG: MR006 dma_memory_unmap(buf) gives back a reference this path does not hold
    dma_memory_unmap(s->dma_as, buf, len, DMA_DIRECTION_TO_DEVICE, len);
}

static void overrel_write(void *opaque, hwaddr addr, uint64_t val, unsigned size)
{
    OverRelState *s = opaque;

    if (addr == 0) {
        overrel_doorbell(s);
    } else {
        s->ring = overrel_probe(s, val);
    }
}

static const MemoryRegionOps overrel_ops = {
    .write = overrel_write,
};

static void overrel_realize(PCIDevice *pdev, Error **errp)
{
    OverRelState *s = OVERREL(pdev);

    if (!s->backend || !s->window) {
        error_setg(errp, "overrel: links not set");
        return;
    }
    memory_region_ref(s->backend);
    memory_region_ref(s->window);
    s->helper = object_new(TYPE_OBJECT);
    memory_region_init_io(&s->bar, OBJECT(s), &overrel_ops, s, "overrel", 0x100);
    pci_register_bar(pdev, 0, PCI_BASE_ADDRESS_SPACE_MEMORY, &s->bar);
}

static void overrel_exit(PCIDevice *pdev)
{
    OverRelState *s = OVERREL(pdev);

    overrel_put_backend(s);
    // BUG: MR006 memory_region_unref(s->backend) gives back a reference this path does not hold
    memory_region_unref(s->backend);
    memory_region_unref(s->window);
    object_unref(s->helper);
}

static void overrel_class_init(ObjectClass *klass, const void *data)
{
    PCIDeviceClass *k = PCI_DEVICE_CLASS(klass);

    k->realize = overrel_realize;
    k->exit = overrel_exit;
}

static const TypeInfo overrel_info = {
    .name          = TYPE_OVERREL,
    .parent        = TYPE_PCI_DEVICE,
    .instance_size = sizeof(OverRelState),
    .class_init    = overrel_class_init,
};

static void overrel_register_types(void)
{
    type_register_static(&overrel_info);
}

type_init(overrel_register_types)
